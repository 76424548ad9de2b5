-- Each specialization's vacancies in salary order, so that "highest salary first" within a
-- specialization reads the top of its own order instead of sorting every match.
--
-- Sorted by salary, a specialization's matches were all read and sorted: 49,912 cleaners, 70 ms, at
-- a million vacancies. The table's own salary index does not help: most vacancies of other
-- specializations earn more than a cleaner's best salary, so a walk of it filtered by the
-- specialization reads most of the table first. Here the search walks the specialization's own
-- order for a bounded number of rows (src/server/services/search/plan/salary-order.ts), 0.5 ms for
-- the first page of cleaners, and sorts the matches only when that walk finds too few.
--
-- One row per vacancy and entry of its specialization_ids (its specializations and their groups,
-- so a group's order holds its members' vacancies), with the vacancy's salary_top. Kept by
-- statement triggers on vacancy_search, whose rows refresh_vacancy_search deletes and inserts (and
-- truncates on a full rebuild); an update of a row is handled too.

-- CreateTable
CREATE TABLE "vacancy_salary_order" (
    "specialization_id" INTEGER NOT NULL,
    "vacancy_id" INTEGER NOT NULL,
    "salary_top" INTEGER
);

-- The indexes of vacancy_search and of its salary orders in one place: the migration creates them,
-- and a bulk rebuild drops and recreates them around the load.
CREATE OR REPLACE FUNCTION vacancy_search_indexes(create_them boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NOT create_them THEN
      DROP INDEX IF EXISTS vacancy_search_match_idx, vacancy_search_newest_idx, vacancy_search_city_newest_idx,
        vacancy_search_salary_idx, vacancy_search_organization_idx, vacancy_search_premium_idx,
        vacancy_search_sitemap_idx, vacancy_search_priority_idx,
        vacancy_salary_order_walk_idx, vacancy_salary_order_row_idx;
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
    -- A specialization's vacancies, highest salary first (ties newest id first), as the search sorts.
    CREATE INDEX IF NOT EXISTS vacancy_salary_order_walk_idx ON vacancy_salary_order
      (specialization_id, salary_top DESC NULLS LAST, vacancy_id DESC);
    -- The rows of one vacancy, for the triggers that keep the table in step.
    CREATE UNIQUE INDEX IF NOT EXISTS vacancy_salary_order_row_idx ON vacancy_salary_order (vacancy_id, specialization_id);
  END
  $$;

CREATE FUNCTION vacancy_salary_order_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'TRUNCATE' THEN
      TRUNCATE vacancy_salary_order;
      RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      DELETE FROM vacancy_salary_order o USING old_rows
      WHERE o.vacancy_id = old_rows.vacancy_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO vacancy_salary_order (specialization_id, vacancy_id, salary_top)
      SELECT DISTINCT s.id, new_rows.vacancy_id, new_rows.salary_top
      FROM new_rows, unnest(new_rows.specialization_ids) AS s(id);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER vacancy_salary_order_insert AFTER INSERT ON vacancy_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_salary_order_sync();
CREATE TRIGGER vacancy_salary_order_delete AFTER DELETE ON vacancy_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_salary_order_sync();
CREATE TRIGGER vacancy_salary_order_update AFTER UPDATE ON vacancy_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_salary_order_sync();
CREATE TRIGGER vacancy_salary_order_truncate AFTER TRUNCATE ON vacancy_search
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_salary_order_sync();

-- The orders of the rows already there, then their indexes.
INSERT INTO vacancy_salary_order (specialization_id, vacancy_id, salary_top)
SELECT DISTINCT s.id, vs.vacancy_id, vs.salary_top
FROM vacancy_search vs, unnest(vs.specialization_ids) AS s(id);

SELECT vacancy_search_indexes(true);

ANALYZE vacancy_salary_order;
