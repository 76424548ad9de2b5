-- Every word (lexeme) the search vectors hold, so that a word's prefix can be searched as the few
-- exact words that start with it.
--
-- A prefix query (`'оператор':*`, which Kazakh words and half-typed ones need) makes the GIN index
-- load every posting of every lexeme with that prefix into a bitmap before it intersects them with
-- the other conditions: 58 ms for "оператор" in one city at a million vacancies, where the same
-- five words asked exactly take 13 ms (the index skips through the city's postings). The planner
-- (src/server/services/search/plan/query-words.ts) looks the prefix up here and asks for the exact
-- words while they are few. The table only grows: a word no vector holds any more matches nothing,
-- so a stale word costs nothing but a row. Kept by statement triggers on both search tables, whose
-- rows are only ever inserted (refresh_vacancy_search and refresh_resume_search delete and insert).

-- CreateTable
CREATE TABLE "search_lexemes" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_lexemes_pkey" PRIMARY KEY ("word")
);

-- Prefix ranges (word ~>=~ prefix AND word ~<~ prefix || U+10FFFF) whatever the database's collation.
CREATE INDEX "search_lexemes_prefix_idx" ON "search_lexemes" ("word" text_pattern_ops);

-- The words of the search vectors that start with `prefix`, at most `lim` of them in order (the
-- planner asks for one more than it uses, to know there are too many); NULL when the prefix is not
-- searched (`searched` false) or to_tsquery would not read it as one plain prefix, so that the
-- planner keeps `prefix:*` for it.
CREATE FUNCTION search_prefix_words(prefix text, searched boolean, lim integer) RETURNS text[]
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN searched AND prefix IS NOT NULL AND prefix <> ''
                     AND to_tsquery('simple', prefix || ':*')::text = quote_literal(prefix) || ':*' THEN
      coalesce((
        SELECT array_agg(l.word ORDER BY l.word) FROM (
          SELECT word FROM search_lexemes WHERE word ~>=~ prefix AND word ~<~ (prefix || chr(1114111))
          ORDER BY word LIMIT lim
        ) l), '{}')
    END
  $$;

-- The new rows' words, in one order, so that two transactions adding the same new words wait for
-- each other instead of deadlocking.
CREATE FUNCTION add_search_lexemes() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO search_lexemes (word)
    SELECT DISTINCT lexeme FROM new_rows, unnest(tsvector_to_array(new_rows.search_vector)) AS lexeme
    ORDER BY lexeme
    ON CONFLICT (word) DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER vacancy_search_lexemes AFTER INSERT ON vacancy_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION add_search_lexemes();
CREATE TRIGGER resume_search_lexemes AFTER INSERT ON resume_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION add_search_lexemes();

-- The words of the rows already there.
INSERT INTO search_lexemes (word)
SELECT lexeme FROM vacancy_search, unnest(tsvector_to_array(search_vector)) AS lexeme
UNION
SELECT lexeme FROM resume_search, unnest(tsvector_to_array(search_vector)) AS lexeme
ON CONFLICT (word) DO NOTHING;
