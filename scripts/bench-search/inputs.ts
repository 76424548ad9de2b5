// Realistic, varied inputs for every search shape, drawn from the bench data itself, so that each
// measured query differs from the last and caches do not flatter the numbers. Seeded: two runs
// against the same database ask the same questions.
import type pg from "pg";

import { createRng, type Rng } from "../../prisma/seed/random";
import { parseSearchParams, searchParamsToQuery } from "../../src/lib/search/params";
import { SEARCH_PATH, vacancyPath } from "../../src/lib/urls";

export type RawQuery = Record<string, string>;

export interface Shape {
  name: string;
  locale: "ru" | "kk";
  inputs: RawQuery[];
}

interface SampleRow {
  id: number;
  slug: string;
  title: string;
  language: "ru" | "kk";
  city: string;
  employment: string;
  experience: string;
  salary_top: number | null;
  spec: string | null;
}

export interface BenchData {
  sample: SampleRow[];
  topTerms: string[];
  /** Frequent words with enough matches for page 50 to exist. */
  deepTerms: string[];
  bigCities: string[];
}

const SALARIES = [100_000, 150_000, 200_000, 250_000, 300_000, 400_000, 500_000];
const SAMPLE_SIZE = 4_000;
const VACANCY_URLS = 2_000;
/** Page 50 of 20 needs at least this many matches to be a real deep page. */
const DEEP_PAGE_MIN_ROWS = 1_000;

export async function loadBenchData(client: pg.Client, searchable: number): Promise<BenchData> {
  const percent = Math.min(100, ((SAMPLE_SIZE * 1.3) / Math.max(1, searchable)) * 100);
  const sample = await client.query<SampleRow>(
    `SELECT vs.vacancy_id AS id, v.slug, v.title, v.language::text AS language, c.slug AS city,
            vs.employment_type::text AS employment, vs.experience::text AS experience, vs.salary_top,
            (SELECT s.slug FROM vacancy_specializations l JOIN specializations s ON s.id = l.specialization_id
              WHERE l.vacancy_id = v.id ORDER BY s.id LIMIT 1) AS spec
       FROM vacancy_search vs TABLESAMPLE BERNOULLI (${percent.toFixed(4)}) REPEATABLE (42)
       JOIN vacancies v ON v.id = vs.vacancy_id
       JOIN cities c ON c.id = vs.city_id
      -- Live for a while yet: a vacancy that expires during the run answers 410.
      WHERE vs.expires_at IS NULL OR vs.expires_at > now() + interval '1 day'
      -- A fixed shuffle, so that the limit does not cut off the newest ids.
      ORDER BY (vs.vacancy_id::bigint * 2654435761) % 4294967296
      LIMIT ${SAMPLE_SIZE}`,
  );
  sample.rows.sort((a, b) => a.id - b.id);
  if (sample.rows.length === 0) throw new Error("vacancy_search is empty: nothing to search");
  // Folded like the index, so Kazakh words show up in Russian letters: that is how they are typed
  // on a Russian keyboard layout, which the search is meant to handle.
  const terms = await client.query<{ word: string }>(
    `SELECT word FROM search_terms WHERE length(word) >= 4 ORDER BY documents DESC, word LIMIT 150`,
  );
  const cities = await client.query<{ slug: string }>(
    `SELECT c.slug FROM vacancy_search vs JOIN cities c ON c.id = vs.city_id
      GROUP BY c.slug HAVING count(*) >= $1 ORDER BY count(*) DESC LIMIT 20`,
    [DEEP_PAGE_MIN_ROWS],
  );
  return {
    sample: sample.rows,
    topTerms: terms.rows.map((r) => r.word),
    deepTerms: frequentTitleWords(sample.rows, searchable),
    bigCities: cities.rows.map((r) => r.slug),
  };
}

/**
 * Title words common enough in the sample that the whole table holds twice the matches page 50
 * needs (search_terms counts distinct titles, not vacancies, so it cannot tell).
 */
function frequentTitleWords(sample: readonly SampleRow[], searchable: number): string[] {
  const counts = new Map<string, number>();
  for (const row of sample) for (const word of new Set(words(row.title))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const needed = ((2 * DEEP_PAGE_MIN_ROWS) / searchable) * sample.length;
  return [...counts]
    .filter(([word, n]) => n >= needed && word.length >= 4)
    .sort((a, b) => b[1] - a[1])
    .map(([word]) => word);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w));

function titleQuery(rng: Rng, title: string): string {
  const list = words(title);
  if (list.length === 0) return title.toLowerCase();
  // Mostly the head noun, sometimes two words as people type them.
  return list.length > 1 && rng.chance(0.35) ? `${list[0]} ${list[1]}` : (list[0] as string);
}

const NEIGHBOURS: Record<string, string> = {
  а: "п",
  о: "р",
  е: "н",
  и: "м",
  т: "ь",
  с: "ч",
  р: "о",
  н: "г",
  л: "д",
  в: "а",
  к: "е",
  д: "л",
};

/** One typing slip: swapped neighbours, a missed letter, a doubled letter or a neighbouring key. */
export function typo(rng: Rng, word: string): string {
  const chars = [...word];
  const at = rng.int(1, chars.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
      break;
    case 1:
      chars.splice(at, 1);
      break;
    case 2:
      chars.splice(at, 0, chars[at] as string);
      break;
    default:
      chars[at] = NEIGHBOURS[chars[at] as string] ?? (chars[at] as string);
  }
  const result = chars.join("");
  return result === word ? `${word.slice(0, -1)}` : result;
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/;

function kazakhPrefixes(sample: readonly SampleRow[]): string[] {
  const out = new Set<string>();
  for (const row of sample) {
    if (row.language !== "kk") continue;
    for (const word of words(row.title)) {
      if (word.length < 6 || !KAZAKH_LETTERS.test(word)) continue;
      // What someone has typed so far: enough letters to mean something, not the whole word.
      out.add(word.slice(0, Math.max(4, Math.ceil(word.length * 0.6))));
    }
  }
  return [...out];
}

function salaryAtMost(rng: Rng, top: number | null): string {
  const fitting = SALARIES.filter((s) => top === null || s <= top);
  return String(fitting.length > 0 ? rng.pick(fitting) : SALARIES[0]);
}

function withSpec(query: RawQuery, spec: string | null): RawQuery {
  return spec ? { ...query, spec } : query;
}

/** `count` inputs per shape, built from the sample so that the combinations exist in the data. */
export function buildShapes(data: BenchData, count: number, seed = 42): Shape[] {
  const rng = createRng(seed);
  const ru = data.sample.filter((r) => r.language === "ru");
  const ruRows = ru.length > 0 ? ru : data.sample;
  const topTerms = data.topTerms.length > 0 ? data.topTerms : ruRows.map((r) => words(r.title)[0] ?? r.title);
  const deepTerms = data.deepTerms.length > 0 ? data.deepTerms : topTerms;
  const bigCities = data.bigCities.length > 0 ? data.bigCities : data.sample.map((r) => r.city);
  const kkPrefixes = kazakhPrefixes(data.sample);
  const typoSources = ruRows.flatMap((r) => words(r.title).filter((w) => w.length >= 6));

  const textQuery = () => (rng.chance(0.5) ? rng.pick(topTerms) : titleQuery(rng, rng.pick(ruRows).title));
  const many = (make: () => RawQuery) => Array.from({ length: count }, make);

  const shapes: Shape[] = [
    { name: "text", locale: "ru", inputs: many(() => ({ q: textQuery() })) },
    { name: "text, sort=date", locale: "ru", inputs: many(() => ({ q: textQuery(), sort: "date" })) },
    {
      name: "text with a typo",
      locale: "ru",
      inputs: many(() => ({ q: typo(rng, typoSources.length > 0 ? rng.pick(typoSources) : rng.pick(topTerms)) })),
    },
    {
      name: "Kazakh prefix",
      locale: "kk",
      inputs: kkPrefixes.length > 0 ? many(() => ({ q: rng.pick(kkPrefixes) })) : [],
    },
    {
      name: "text + city",
      locale: "ru",
      inputs: many(() => {
        const row = rng.pick(ruRows);
        return { q: titleQuery(rng, row.title), city: row.city };
      }),
    },
    {
      name: "text + city + spec + salary",
      locale: "ru",
      inputs: many(() => {
        const row = rng.pick(ruRows);
        return withSpec({ q: titleQuery(rng, row.title), city: row.city, salary: salaryAtMost(rng, row.salary_top) }, row.spec);
      }),
    },
    {
      name: "filters: city+emp+exp, date",
      locale: "ru",
      inputs: many(() => {
        const row = rng.pick(data.sample);
        return { city: row.city, emp: row.employment.toLowerCase(), exp: row.experience.toLowerCase(), sort: "date" };
      }),
    },
    {
      name: "filters: spec, sort=salary",
      locale: "ru",
      inputs: many(() => {
        const row = rng.pick(data.sample);
        const query = withSpec({ sort: "salary" }, row.spec);
        return rng.chance(0.5) ? { ...query, city: row.city } : query;
      }),
    },
    {
      name: "deep page 50: filters",
      locale: "ru",
      inputs: many(() => ({ city: rng.pick(bigCities), sort: "date", page: "50" })),
    },
    {
      name: "deep page 50: text",
      locale: "ru",
      inputs: many(() => ({ q: rng.pick(deepTerms), page: "50" })),
    },
  ];
  return shapes;
}

export interface UrlSets {
  vacancy: string[];
  /** Every search of four shapes: in a run of a few seconds each is asked about once (uncached). */
  search: string[];
  /** A few frequent searches asked over and over, as the most common searches of real traffic are. */
  popular: string[];
  static: string[];
}

/** The searches of the HTTP part's "search page, distinct" set: the first 100 inputs of four shapes. */
export function distinctSearchInputs(shapes: readonly Shape[]): RawQuery[] {
  const wanted = new Set(["text", "text + city", "text + city + spec + salary", "filters: city+emp+exp, date"]);
  return shapes.filter((shape) => wanted.has(shape.name)).flatMap((shape) => shape.inputs.slice(0, 100));
}

/** Searches in the popular set: as many as the load has connections. */
const POPULAR_URLS = 16;

export function buildUrlSets(data: BenchData, shapes: readonly Shape[]): UrlSets {
  // Spread over the whole id range (the sample is in id order).
  const stride = Math.max(1, Math.floor(data.sample.length / VACANCY_URLS));
  const vacancy = data.sample
    .filter((_, i) => i % stride === 0)
    .slice(0, VACANCY_URLS)
    .map((row) => `/ru${vacancyPath(row.id, row.slug)}`);
  const search = new Set<string>();
  for (const input of distinctSearchInputs(shapes)) {
    const query = searchParamsToQuery(parseSearchParams(input).params);
    search.add(`/ru${SEARCH_PATH}${query ? `?${query}` : ""}`);
  }
  // The "text" shape comes first: its inputs are the most frequent words of the index.
  return { vacancy, search: [...search], popular: [...search].slice(0, POPULAR_URLS), static: ["/ru/terms"] };
}
