-- Which vacancy the public may see, written once for SQL (src/server/services/vacancies/visibility.ts
-- has the Prisma side; visibility.int.test.ts proves that they agree). The functions are plain SQL
-- expressions, IMMUTABLE, so the planner inlines them and indexes on the columns still apply.

-- public / closed / gone / missing: what a request for the vacancy's page gets (200, 404 for
-- guests, 410, 404).
CREATE FUNCTION vacancy_visibility(
  status "VacancyStatus", publication_type "PublicationType", published_at timestamptz,
  expires_at timestamptz, organization_blocked_at timestamptz, at timestamptz
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN published_at IS NULL THEN 'missing'
      WHEN status IN ('ARCHIVED', 'REMOVED') THEN 'gone'
      WHEN status <> 'PUBLISHED' THEN 'missing'
      WHEN organization_blocked_at IS NOT NULL OR expires_at <= at THEN 'gone'
      WHEN publication_type = 'CLOSED' THEN 'closed'
      ELSE 'public'
    END
  $$;

-- Whether the vacancy belongs in vacancy_search: public apart from expiry, which readers check
-- (an expired vacancy stays there until the expiry job archives it).
CREATE FUNCTION vacancy_is_listed(
  status "VacancyStatus", publication_type "PublicationType", published_at timestamptz,
  organization_blocked_at timestamptz
) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT status = 'PUBLISHED' AND publication_type <> 'CLOSED' AND published_at IS NOT NULL
      AND organization_blocked_at IS NULL
  $$;

-- Public at `at`: listed and not expired.
CREATE FUNCTION vacancy_is_public(
  status "VacancyStatus", publication_type "PublicationType", published_at timestamptz,
  expires_at timestamptz, organization_blocked_at timestamptz, at timestamptz
) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT vacancy_is_listed(status, publication_type, published_at, organization_blocked_at)
      AND (expires_at IS NULL OR expires_at > at)
  $$;

-- The search table's rows come from the same rule.
CREATE OR REPLACE FUNCTION refresh_vacancy_search(vacancy_ids integer[]) RETURNS integer
  LANGUAGE plpgsql
  AS $$
  DECLARE
    searchable integer;
  BEGIN
    IF vacancy_ids IS NULL THEN
      TRUNCATE vacancy_search;
      PERFORM vacancy_search_indexes(false);
      -- Building the GIN index in memory is several times faster than spilling it to disk.
      PERFORM set_config('maintenance_work_mem', '1GB', true);
    ELSE
      DELETE FROM vacancy_search WHERE vacancy_id = ANY (vacancy_ids);
    END IF;

    INSERT INTO vacancy_search (
      vacancy_id, organization_id, city_id, region_id, language, is_anonymous, published_at, updated_at,
      expires_at, premium_until, specialization_ids, licence_categories, salary_from, salary_to, salary_top,
      salary_steps, experience, employment_type, schedule, is_remote, search_vector)
    SELECT
      v.id, v.organization_id, v.city_id, c.region_id, v.language, v.publication_type = 'ANONYMOUS',
      v.published_at, v.updated_at, v.expires_at,
      CASE WHEN v.premium_until > now() THEN v.premium_until END,
      coalesce(spec.specialization_ids, '{}'), coalesce(v.licence_categories, '{}'), v.salary_from, v.salary_to,
      coalesce(v.salary_to, v.salary_from), salary_search_steps(coalesce(v.salary_to, v.salary_from)),
      v.experience, v.employment_type, v.schedule, v.is_remote,
      setweight(to_tsvector('russian', kk_fold(v.title)), 'A')
        || setweight(to_tsvector('simple', kk_fold(v.title)), 'A')
        || setweight(to_tsvector('russian', kk_fold(coalesce(spec.names, ''))), 'B')
        || setweight(to_tsvector('simple', kk_fold(coalesce(spec.names, '')
             || CASE WHEN v.publication_type = 'ANONYMOUS' THEN '' ELSE ' ' || o.display_name END)), 'B')
        || setweight(to_tsvector('russian', kk_fold(c.name_ru || ' ' || c.name_kk)), 'C')
        || setweight(to_tsvector('simple', kk_fold(c.name_ru || ' ' || c.name_kk)), 'C')
        || setweight(to_tsvector(CASE WHEN v.language = 'kk' THEN 'simple' ELSE 'russian' END::regconfig,
             kk_fold(left(regexp_replace(v.description, '<[^>]*>', ' ', 'g'), 20000))), 'D')
    FROM vacancies v
    JOIN cities c ON c.id = v.city_id
    JOIN organizations o ON o.id = v.organization_id
    LEFT JOIN LATERAL (
      -- The vacancy's specializations and their groups, so that a group filter finds its members.
      SELECT array_agg(DISTINCT g.id) AS specialization_ids,
             string_agg(DISTINCT g.name_ru || ' ' || g.name_kk, ' ') AS names
      FROM vacancy_specializations vs
      JOIN specializations s ON s.id = vs.specialization_id
      JOIN specializations g ON g.id = s.id OR g.id = s.parent_id
      WHERE vs.vacancy_id = v.id
    ) spec ON true
    WHERE (vacancy_ids IS NULL OR v.id = ANY (vacancy_ids))
      AND vacancy_is_listed(v.status, v.publication_type, v.published_at, o.blocked_at)
    -- Rows of a bulk load land in publication order, as they do in normal use, so that newest-first
    -- walks read neighbouring pages.
    ORDER BY v.published_at, v.id;
    GET DIAGNOSTICS searchable = ROW_COUNT;

    IF vacancy_ids IS NULL THEN
      PERFORM vacancy_search_indexes(true);
      PERFORM refresh_search_terms(NULL);
    ELSE
      PERFORM refresh_search_terms(vacancy_ids);
    END IF;
    RETURN searchable;
  END
  $$;
