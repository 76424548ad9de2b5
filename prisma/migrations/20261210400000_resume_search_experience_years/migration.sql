-- "Experience from N years" as one exact key of the multicolumn GIN index.
--
-- Migration 20261210200000 made the filter two range conditions of that index (months counted,
-- and the month an ongoing experience counts from). btree_gin answers a range by reading every
-- entry in it, across all regions: "3 years or more" read about 100,000 entries to count 2,000
-- resumes of one region (23 ms). Years are what the filter asks, so each row now keeps the whole
-- years it had when counted as keys (`experience_years`: 1..years, at most 50, the filter's
-- maximum); "from N years" is `experience_years @> {N}`, one posting list.
--
-- An ongoing experience grows by a month each calendar month, so a row's keys go stale on the
-- month it completes another year: `experience_next_year_month`. Until the row is counted again,
-- the search asks such rows by the month their experience counts from, exactly as before:
--
--   resume_experience_months(months, ongoing, counted_at, at) >= 12 N
--     <=>  experience_years @> {N}
--          OR (experience_next_year_month <= month_number(at) AND experience_base_month <= month_number(at) - 12 N)
--
-- A daily job counts the stale rows again (refreshExperienceYears in
-- src/server/services/resume-database/experience-years.ts), so the second part reads a partial
-- btree index that is empty but for the hours after the first of a month.

-- The whole years of experience as keys: 1..floor(months / 12), at most 50.
CREATE FUNCTION experience_year_keys(months integer) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(y ORDER BY y), '{}') FROM generate_series(1, least(months / 12, 50)) AS y $$;

ALTER TABLE "resume_search" ADD COLUMN "experience_years" INTEGER[]
  GENERATED ALWAYS AS (experience_year_keys(experience_months)) STORED;

-- The calendar month in which an ongoing experience completes its next whole year (NULL when
-- nothing is ongoing, or past the 50 years the keys go up to).
ALTER TABLE "resume_search" ADD COLUMN "experience_next_year_month" INTEGER
  GENERATED ALWAYS AS (
    CASE WHEN experience_ongoing AND experience_months < 600
      THEN utc_month_number(experience_counted_at) + 12 - experience_months % 12 END) STORED;

-- The indexes as before, with the year keys in the GIN index instead of the two month columns.
CREATE OR REPLACE FUNCTION resume_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS resume_search_match_idx, resume_search_newest_idx, resume_search_region_newest_idx,
        resume_search_city_newest_idx, resume_search_user_idx, resume_search_next_year_idx;
      RETURN;
    END IF;
    -- Text and every filter in one index (salary and update date as ranges through btree_gin,
    -- experience as exact year keys); fastupdate off keeps latency flat.
    CREATE INDEX IF NOT EXISTS resume_search_match_idx ON resume_search USING GIN
      (search_vector, city_id, region_id, relocation_region_ids, specialization_ids, licence_categories,
       verified_categories, languages, employment_types, schedules, desired_salary, experience_years, updated_at)
      WITH (fastupdate = off);
    -- Newest-first walks: filter-only searches sorted by update date, and the relevance window.
    CREATE INDEX IF NOT EXISTS resume_search_newest_idx ON resume_search (updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_region_newest_idx ON resume_search (region_id, updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_city_newest_idx ON resume_search (city_id, updated_at DESC, resume_id DESC);
    -- A block or a school's verification refreshes one person's resumes.
    CREATE INDEX IF NOT EXISTS resume_search_user_idx ON resume_search (user_id);
    -- Rows whose year keys went stale: the search's exact remainder, and the daily job's work.
    CREATE INDEX IF NOT EXISTS resume_search_next_year_idx ON resume_search (experience_next_year_month)
      WHERE experience_next_year_month IS NOT NULL;
  END
  $$;

DROP INDEX IF EXISTS resume_search_match_idx;
SELECT resume_search_indexes(true);
-- The new columns have no statistics until analysed, and without them the planner reads a whole
-- region rather than the year keys.
ANALYZE resume_search;
