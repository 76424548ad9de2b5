-- Public vacancy search.
--
-- `vacancy_search` holds one row per vacancy that guests may find (published, not closed, from an
-- organisation that is not blocked) with everything a search filters or sorts on, denormalised so
-- that one multicolumn GIN index answers text + filters together. It is maintained set-based by
-- refresh_vacancy_search(ids) inside the transaction that changes a vacancy, and rebuilt in bulk by
-- refresh_vacancy_search(NULL) after large loads. `search_terms` is the vocabulary of titles,
-- city, specialization and company names, used to correct typos with trigram similarity.
-- Neither table is described in schema.prisma (it has no tsvector type); the application reads
-- them with SQL of its own (src/server/services/search).

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- Lower case, Kazakh letters folded to their nearest Russian ones and ё to е, so that a query
-- typed on a Russian keyboard layout finds Kazakh words and the other way round.
CREATE FUNCTION kk_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(lower(input), 'әғқңөұүһіё', 'агкноуухие') $$;

-- Salary thresholds (KZT) that the "salary from" filter snaps down to; a vacancy carries every
-- threshold not above its top salary, so the filter is an index key and not a range scan.
CREATE FUNCTION salary_search_steps(top integer) RETURNS integer[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(step ORDER BY step), '{}')
    FROM unnest(ARRAY[50000, 100000, 150000, 200000, 250000, 300000, 350000, 400000, 500000, 600000,
                      700000, 800000, 1000000, 1500000, 2000000]) AS step
    WHERE top IS NOT NULL AND step <= top
  $$;

-- CreateTable
CREATE TABLE "vacancy_search" (
    "vacancy_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "city_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "language" "Locale" NOT NULL,
    "is_anonymous" BOOLEAN NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "premium_until" TIMESTAMPTZ(3),
    "specialization_ids" INTEGER[] NOT NULL,
    "licence_categories" "LicenceCategory"[] NOT NULL,
    "salary_from" INTEGER,
    "salary_to" INTEGER,
    "salary_top" INTEGER,
    "salary_steps" INTEGER[] NOT NULL,
    "experience" "Experience" NOT NULL,
    "employment_type" "EmploymentType" NOT NULL,
    "schedule" "WorkSchedule" NOT NULL,
    "is_remote" BOOLEAN NOT NULL,
    "search_vector" TSVECTOR NOT NULL,

    CONSTRAINT "vacancy_search_pkey" PRIMARY KEY ("vacancy_id"),
    CONSTRAINT "vacancy_search_vacancy_id_fkey" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "search_terms" (
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("word")
);

CREATE INDEX "search_terms_word_trgm_idx" ON "search_terms" USING GIST ("word" gist_trgm_ops);
CREATE INDEX "search_terms_word_prefix_idx" ON "search_terms" ("word" text_pattern_ops);

-- The indexes of vacancy_search in one place: the migration creates them, and a bulk rebuild drops
-- and recreates them around the load (building a GIN index once is far cheaper than growing it).
CREATE FUNCTION vacancy_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS vacancy_search_match_idx, vacancy_search_newest_idx, vacancy_search_city_newest_idx,
        vacancy_search_salary_idx, vacancy_search_organization_idx, vacancy_search_premium_idx,
        vacancy_search_sitemap_idx;
      RETURN;
    END IF;
    -- Text and every filter in one index; fastupdate off keeps search latency flat (no pending list).
    CREATE INDEX IF NOT EXISTS vacancy_search_match_idx ON vacancy_search USING GIN
      (search_vector, city_id, region_id, organization_id, specialization_ids, licence_categories, salary_steps,
       experience, employment_type, schedule, is_remote, language, published_at, premium_until)
      WITH (fastupdate = off);
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

SELECT vacancy_search_indexes(true);

-- Rebuilds the search rows of the given vacancies (NULL: of all vacancies) from the source tables.
-- Returns how many vacancies are now searchable among them.
CREATE FUNCTION refresh_vacancy_search(vacancy_ids integer[]) RETURNS integer
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
      v.published_at, v.updated_at, v.expires_at, v.premium_until,
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
      AND o.blocked_at IS NULL;
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

-- The vocabulary used for typo correction: words of searchable titles, and of every city,
-- specialization and company name (folded like the index). NULL rebuilds it; a list of vacancies
-- adds the words of their titles. `documents` counts titles (distinct ones on a rebuild) and is
-- only a tie-breaker between equally similar words.
CREATE FUNCTION refresh_search_terms(vacancy_ids integer[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF vacancy_ids IS NULL THEN
      TRUNCATE search_terms;
      INSERT INTO search_terms (word, documents)
      SELECT word, sum(ndoc)::integer
      FROM (
        SELECT word, ndoc FROM ts_stat($q$
          SELECT to_tsvector('simple', kk_fold(t.title))
          FROM (SELECT DISTINCT v.title FROM vacancy_search vs JOIN vacancies v ON v.id = vs.vacancy_id) t$q$)
        UNION ALL
        SELECT word, ndoc FROM ts_stat($q$
          SELECT to_tsvector('simple', kk_fold(name_ru || ' ' || name_kk)) FROM cities
          UNION ALL SELECT to_tsvector('simple', kk_fold(name_ru || ' ' || name_kk)) FROM specializations
          UNION ALL SELECT to_tsvector('simple', kk_fold(display_name)) FROM organizations WHERE blocked_at IS NULL$q$)
      ) words
      WHERE length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'
      GROUP BY word;
    ELSE
      INSERT INTO search_terms (word, documents)
      SELECT word, ndoc
      FROM ts_stat(format(
        $q$SELECT to_tsvector('simple', kk_fold(v.title)) FROM vacancy_search vs JOIN vacancies v ON v.id = vs.vacancy_id
           WHERE vs.vacancy_id = ANY (%L::integer[])$q$, vacancy_ids))
      WHERE length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'
      ON CONFLICT (word) DO UPDATE SET documents = search_terms.documents + excluded.documents;
    END IF;
  END
  $$;
