-- The employers' resume database: search over the resumes an organisation may find.
--
-- `resume_search` holds one row per resume that is in the database at all (the rule below) with
-- everything the search filters or sorts on, denormalised so that one multicolumn GIN index answers
-- text + filters together, as `vacancy_search` does. The text is built with the same machinery
-- (kk_fold, the russian and simple configurations, weights) and the query words are planned by the
-- same planner (src/server/services/search/plan/query-words.ts). It is maintained set-based by
-- refresh_resume_search(ids) inside the transaction that changes a resume, its owner's block or
-- verified licences, and rebuilt in bulk by refresh_resume_search(NULL). Not described in
-- schema.prisma (tsvector, multicolumn GIN): the application reads it with its own SQL
-- (src/server/services/resume-database).

-- Which resume is in the database, whoever looks (src/server/services/resumes/database-rule.ts has
-- the TypeScript side; database-rule.int.test.ts proves that they agree): visible to all employers
-- (or to all but a list), not hidden by moderation, its owner not blocked. A deleted owner takes
-- the resume (and its row) along. Which organisation may look, and the "all except" list, are
-- checked by the reader.
CREATE FUNCTION resume_is_listed(
  visibility "ResumeVisibility", moderation "ResumeModeration", owner_blocked_at timestamptz
) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT visibility IN ('ALL', 'ALL_EXCEPT') AND moderation NOT IN ('HIDDEN', 'REVIEW') AND owner_blocked_at IS NULL
  $$;

-- Whether an organisation may search the database: verified and not blocked.
CREATE FUNCTION organization_sees_resume_database(verification "OrgVerification", blocked_at timestamptz) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT verification = 'VERIFIED' AND blocked_at IS NULL $$;

-- Months of experience at `at`: the months counted at the last refresh, plus, while a job is
-- ongoing, every month since (an ongoing job covers each new month exactly once).
CREATE FUNCTION resume_experience_months(months integer, ongoing boolean, counted_at timestamptz, at timestamptz)
  RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT months + CASE WHEN ongoing THEN greatest(0,
      (extract(year FROM at AT TIME ZONE 'UTC')::integer * 12 + extract(month FROM at AT TIME ZONE 'UTC')::integer)
      - (extract(year FROM counted_at AT TIME ZONE 'UTC')::integer * 12 + extract(month FROM counted_at AT TIME ZONE 'UTC')::integer))
    ELSE 0 END
  $$;

-- CreateTable
CREATE TABLE "resume_search" (
    "resume_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "public_id" UUID NOT NULL,
    "city_id" INTEGER,
    "region_id" INTEGER,
    "relocation_region_ids" INTEGER[] NOT NULL,
    "specialization_ids" INTEGER[] NOT NULL,
    "licence_categories" "LicenceCategory"[] NOT NULL,
    "verified_categories" "LicenceCategory"[] NOT NULL,
    "languages" TEXT[] NOT NULL,
    "employment_types" "EmploymentType"[] NOT NULL,
    "schedules" "WorkSchedule"[] NOT NULL,
    "desired_salary" INTEGER,
    "experience_months" INTEGER NOT NULL,
    "experience_ongoing" BOOLEAN NOT NULL,
    "experience_counted_at" TIMESTAMPTZ(3) NOT NULL,
    "hidden_from" INTEGER[] NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "search_vector" TSVECTOR NOT NULL,

    CONSTRAINT "resume_search_pkey" PRIMARY KEY ("resume_id"),
    CONSTRAINT "resume_search_resume_id_fkey" FOREIGN KEY ("resume_id") REFERENCES "resumes"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- The indexes of resume_search in one place: the migration creates them, a bulk rebuild drops and
-- recreates them around the load.
CREATE FUNCTION resume_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS resume_search_match_idx, resume_search_newest_idx, resume_search_region_newest_idx,
        resume_search_city_newest_idx, resume_search_user_idx;
      RETURN;
    END IF;
    -- Text and every filter in one index (salary and update date as ranges through btree_gin);
    -- fastupdate off keeps latency flat.
    CREATE INDEX IF NOT EXISTS resume_search_match_idx ON resume_search USING GIN
      (search_vector, city_id, region_id, relocation_region_ids, specialization_ids, licence_categories,
       verified_categories, languages, employment_types, schedules, desired_salary, experience_months, updated_at)
      WITH (fastupdate = off);
    -- Newest-first walks: filter-only searches sorted by update date, and the relevance window.
    CREATE INDEX IF NOT EXISTS resume_search_newest_idx ON resume_search (updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_region_newest_idx ON resume_search (region_id, updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_city_newest_idx ON resume_search (city_id, updated_at DESC, resume_id DESC);
    -- A block or a school's verification refreshes one person's resumes.
    CREATE INDEX IF NOT EXISTS resume_search_user_idx ON resume_search (user_id);
  END
  $$;

SELECT resume_search_indexes(true);

-- Adds the words of these resumes' titles to the typo vocabulary (search_terms, shared with
-- vacancy search).
CREATE FUNCTION refresh_resume_search_terms(resume_ids integer[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO search_terms (word, documents)
    SELECT word, ndoc
    FROM ts_stat(format(
      $q$SELECT to_tsvector('simple', kk_fold(r.title)) FROM resume_search rs JOIN resumes r ON r.id = rs.resume_id
         WHERE rs.resume_id = ANY (%L::integer[])$q$, resume_ids))
    WHERE length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'
    ON CONFLICT (word) DO UPDATE SET documents = search_terms.documents + excluded.documents;
  END
  $$;

-- Rebuilds the search rows of the given resumes (NULL: of all resumes) from the source tables.
-- Returns how many of them are now in the database.
CREATE FUNCTION refresh_resume_search(resume_ids integer[]) RETURNS integer
  LANGUAGE plpgsql
  AS $$
  DECLARE
    listed integer;
  BEGIN
    IF resume_ids IS NULL THEN
      TRUNCATE resume_search;
      PERFORM resume_search_indexes(false);
      PERFORM set_config('maintenance_work_mem', '1GB', true);
    ELSE
      DELETE FROM resume_search WHERE resume_id = ANY (resume_ids);
    END IF;

    INSERT INTO resume_search (
      resume_id, user_id, public_id, city_id, region_id, relocation_region_ids, specialization_ids,
      licence_categories, verified_categories, languages, employment_types, schedules, desired_salary,
      experience_months, experience_ongoing, experience_counted_at, hidden_from, updated_at, search_vector)
    SELECT
      r.id, r.user_id, r.public_id, r.city_id, c.region_id,
      coalesce(reloc.ids, '{}'), coalesce(spec.specialization_ids, '{}'),
      coalesce(lic.categories, '{}'), coalesce(ver.categories, '{}'), coalesce(lang.codes, '{}'),
      coalesce(r.employment_types, '{}'), coalesce(r.schedules, '{}'), r.desired_salary,
      coalesce(exp.months, 0), coalesce(exp.ongoing, false), now(),
      CASE WHEN r.visibility = 'ALL_EXCEPT' THEN coalesce(hid.ids, '{}') ELSE '{}' END,
      r.updated_at,
      setweight(to_tsvector('russian', kk_fold(r.title)), 'A')
        || setweight(to_tsvector('simple', kk_fold(r.title)), 'A')
        || setweight(to_tsvector('russian', kk_fold(coalesce(spec.names, '') || ' ' || coalesce(exp.positions, '')
             || ' ' || array_to_string(coalesce(r.skills, '{}'), ' '))), 'B')
        || setweight(to_tsvector('simple', kk_fold(coalesce(spec.names, '') || ' ' || coalesce(exp.positions, '')
             || ' ' || array_to_string(coalesce(r.skills, '{}'), ' '))), 'B')
        || setweight(to_tsvector('russian', kk_fold(left(coalesce(exp.descriptions, '') || ' ' || coalesce(r.about, ''), 20000))), 'D')
        || setweight(to_tsvector('simple', kk_fold(left(coalesce(exp.descriptions, '') || ' ' || coalesce(r.about, ''), 20000))), 'D')
    FROM resumes r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN cities c ON c.id = r.city_id
    LEFT JOIN LATERAL (
      -- The resume's specializations and their groups, so that a group filter finds its members.
      SELECT array_agg(DISTINCT g.id) AS specialization_ids,
             string_agg(DISTINCT g.name_ru || ' ' || g.name_kk, ' ') AS names
      FROM resume_specializations rsp
      JOIN specializations s ON s.id = rsp.specialization_id
      JOIN specializations g ON g.id = s.id OR g.id = s.parent_id
      WHERE rsp.resume_id = r.id
    ) spec ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(region_id ORDER BY region_id) AS ids FROM resume_relocation_regions WHERE resume_id = r.id
    ) reloc ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(category ORDER BY category) AS categories FROM resume_licences WHERE resume_id = r.id
    ) lic ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(DISTINCT category) AS categories FROM verified_licences WHERE user_id = r.user_id
    ) ver ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(language ORDER BY language) AS codes FROM resume_languages WHERE resume_id = r.id
    ) lang ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(organization_id ORDER BY organization_id) AS ids FROM resume_hidden_organizations WHERE resume_id = r.id
    ) hid ON true
    LEFT JOIN LATERAL (
      -- Months worked, overlapping jobs counted once (as experienceLength in resume-format.ts):
      -- month numbers [start, end + 1), an ongoing job up to this month.
      SELECT (SELECT coalesce(sum(upper(m) - lower(m)), 0) FROM unnest(range_agg(span)) AS m)::integer AS months,
             bool_or(e.ended_on IS NULL) AS ongoing,
             string_agg(e.position, ' ') AS positions,
             string_agg(coalesce(e.description, ''), ' ') AS descriptions
      FROM resume_experiences e
      CROSS JOIN LATERAL (
        SELECT int4range(
          extract(year FROM e.started_on)::integer * 12 + extract(month FROM e.started_on)::integer,
          extract(year FROM coalesce(e.ended_on, (now() AT TIME ZONE 'UTC')::date))::integer * 12
            + extract(month FROM coalesce(e.ended_on, (now() AT TIME ZONE 'UTC')::date))::integer + 1) AS span
      ) s
      WHERE e.resume_id = r.id AND NOT isempty(s.span)
    ) exp ON true
    WHERE (resume_ids IS NULL OR r.id = ANY (resume_ids))
      AND resume_is_listed(r.visibility, r.moderation, u.blocked_at)
    -- A bulk load writes rows in update order, as they arrive in normal use.
    ORDER BY r.updated_at, r.id;
    GET DIAGNOSTICS listed = ROW_COUNT;

    IF resume_ids IS NULL THEN
      PERFORM resume_search_indexes(true);
      PERFORM refresh_search_terms(NULL);
    ELSE
      PERFORM refresh_resume_search_terms(resume_ids);
    END IF;
    RETURN listed;
  END
  $$;

-- The vocabulary's rebuild also takes the words of the titles in the resume database.
CREATE OR REPLACE FUNCTION refresh_search_terms(vacancy_ids integer[]) RETURNS void
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
          FROM (SELECT DISTINCT v.title FROM vacancy_search vs JOIN vacancies v ON v.id = vs.vacancy_id
                UNION SELECT r.title FROM resume_search rs JOIN resumes r ON r.id = rs.resume_id) t$q$)
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

-- Existing resumes enter the database (and their titles the vocabulary).
SELECT refresh_resume_search(NULL);
