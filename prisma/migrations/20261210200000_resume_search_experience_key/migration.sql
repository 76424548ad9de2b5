-- The resume database's "experience from N years" filter through the multicolumn GIN index.
--
-- A resume's months of experience grow while a job is ongoing (resume_experience_months), so the
-- filter went through that function and no index could serve it: every resume of the searched
-- region was read to compute it. The same condition is now two indexed comparisons:
--
--   resume_experience_months(months, ongoing, counted_at, at) >= N
--     <=>  months >= N  OR  (ongoing AND month_number(counted_at) - months <= month_number(at) - N)
--
-- (an ongoing job adds one month per calendar month since counted_at, never fewer than none).
-- `experience_base_month` is the right-hand side's stored part: the calendar month from which
-- the ongoing experience counts, NULL when nothing is ongoing.

-- Calendar months since the year 0 in UTC: the month arithmetic of resume_experience_months.
CREATE FUNCTION utc_month_number(at timestamptz) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT extract(year FROM at AT TIME ZONE 'UTC')::integer * 12 + extract(month FROM at AT TIME ZONE 'UTC')::integer $$;

ALTER TABLE "resume_search" ADD COLUMN "experience_base_month" INTEGER
  GENERATED ALWAYS AS (CASE WHEN experience_ongoing THEN utc_month_number(experience_counted_at) - experience_months END) STORED;

-- The indexes as before, with the new column in the GIN index.
CREATE OR REPLACE FUNCTION resume_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS resume_search_match_idx, resume_search_newest_idx, resume_search_region_newest_idx,
        resume_search_city_newest_idx, resume_search_user_idx;
      RETURN;
    END IF;
    -- Text and every filter in one index (salary, experience and update date as ranges through
    -- btree_gin); fastupdate off keeps latency flat.
    CREATE INDEX IF NOT EXISTS resume_search_match_idx ON resume_search USING GIN
      (search_vector, city_id, region_id, relocation_region_ids, specialization_ids, licence_categories,
       verified_categories, languages, employment_types, schedules, desired_salary, experience_months,
       experience_base_month, updated_at)
      WITH (fastupdate = off);
    -- Newest-first walks: filter-only searches sorted by update date, and the relevance window.
    CREATE INDEX IF NOT EXISTS resume_search_newest_idx ON resume_search (updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_region_newest_idx ON resume_search (region_id, updated_at DESC, resume_id DESC);
    CREATE INDEX IF NOT EXISTS resume_search_city_newest_idx ON resume_search (city_id, updated_at DESC, resume_id DESC);
    -- A block or a school's verification refreshes one person's resumes.
    CREATE INDEX IF NOT EXISTS resume_search_user_idx ON resume_search (user_id);
  END
  $$;

DROP INDEX resume_search_match_idx;
SELECT resume_search_indexes(true);
