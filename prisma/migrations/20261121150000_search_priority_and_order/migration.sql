-- Search speed-ups.
--
-- 1. vacancy_search keeps premium_until only while the highlight lasts (the lifecycle job that ends
--    it refreshes the row), and a partial GIN index over those rows answers the priority block.
-- 2. A bulk rebuild writes rows in publication order, as they arrive in normal use.

CREATE OR REPLACE FUNCTION vacancy_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS vacancy_search_match_idx, vacancy_search_newest_idx, vacancy_search_city_newest_idx,
        vacancy_search_salary_idx, vacancy_search_organization_idx, vacancy_search_premium_idx,
        vacancy_search_sitemap_idx, vacancy_search_priority_idx;
      RETURN;
    END IF;
    -- Text and every filter in one index; fastupdate off keeps search latency flat (no pending list).
    CREATE INDEX IF NOT EXISTS vacancy_search_match_idx ON vacancy_search USING GIN
      (search_vector, city_id, region_id, organization_id, specialization_ids, licence_categories, salary_steps,
       experience, employment_type, schedule, is_remote, language, published_at, premium_until)
      WITH (fastupdate = off);
    -- The priority block (premium vacancies in their first week) matches against the few premium
    -- rows only, instead of checking every premium row the newest-first walk meets.
    CREATE INDEX IF NOT EXISTS vacancy_search_priority_idx ON vacancy_search USING GIN
      (search_vector, city_id, region_id, organization_id, specialization_ids, licence_categories, salary_steps,
       experience, employment_type, schedule, is_remote, language)
      WITH (fastupdate = off) WHERE premium_until IS NOT NULL;
    -- Newest-first walks for filter-only searches, landing pages and sitemaps.
    CREATE INDEX IF NOT EXISTS vacancy_search_newest_idx ON vacancy_search (published_at DESC, vacancy_id DESC);
    CREATE INDEX IF NOT EXISTS vacancy_search_city_newest_idx ON vacancy_search (city_id, published_at DESC, vacancy_id DESC);
    CREATE INDEX IF NOT EXISTS vacancy_search_salary_idx ON vacancy_search (salary_top DESC NULLS LAST, vacancy_id DESC);
    CREATE INDEX IF NOT EXISTS vacancy_search_organization_idx ON vacancy_search (organization_id, published_at DESC);
    CREATE INDEX IF NOT EXISTS vacancy_search_premium_idx ON vacancy_search (published_at DESC)
      WHERE premium_until IS NOT NULL;
    -- Sitemaps read id ranges with their dates from the index alone, never the wide rows.
    CREATE INDEX IF NOT EXISTS vacancy_search_sitemap_idx ON vacancy_search (vacancy_id) INCLUDE (updated_at, expires_at);
  END
  $$;

-- Rows whose highlight has already ended stop carrying it (and stay out of the new index).
UPDATE vacancy_search SET premium_until = NULL WHERE premium_until <= now();

SELECT vacancy_search_indexes(true);

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
      AND v.status = 'PUBLISHED'
      AND v.publication_type <> 'CLOSED'
      AND v.published_at IS NOT NULL
      AND o.blocked_at IS NULL
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
