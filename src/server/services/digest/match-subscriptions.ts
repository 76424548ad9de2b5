import pg from "pg";

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import type { SearchParams } from "@/lib/search/params";
import { paramsFromCriteria, subscriptionCriteriaSchema } from "@/lib/search/subscription-criteria";

import type { Catalog } from "../catalog/catalog";
import { lookupWords, planWords, queryTokens, wordTsQuery, type WordInfo, type WordPlan } from "../search/plan/query-words";
import { applyFilters, type Condition } from "../search/plan/filter-conditions";
import { liveSearchRowSql } from "../vacancies/visibility";

import { has, type Bitset, type VacancyWindow } from "./vacancy-window";

// Which vacancies of the run's window each subscription matches, with the search page's own
// semantics: the words are planned and each word's tsquery is built by the search page's own
// planner (../search/plan/query-words.ts) and matched by PostgreSQL's own `@@`, and each filter's
// conditions come from the search's own table (../search/plan/filter-conditions.ts), evaluated
// here over the window's columns (addCondition). Words are matched once per run for all
// subscriptions; the filters and the AND of the words (a tsquery `a && b` matches exactly when
// both words do) are evaluated over bitsets. match-subscriptions.int.test.ts compares the
// results with searchVacancies, and each condition with its SQL.

/** Words matched per statement. */
const WORDS_PER_STATEMENT = 500;
const HOUR_MS = 3_600_000;
/** Local buffers of the bulk connection: the window's text and its index, within bounds. */
const TEMP_BYTES_PER_ROW = 2_400;
const TEMP_BUFFERS_MB = { min: 32, max: 768 };

/**
 * A subscription's criteria resolved against the catalogue and the window: an AND of ORs of
 * bitsets, then bounds checked per row on what the bitsets leave (exact amounts, which would
 * need a bitset per amount).
 */
export interface CriteriaPlan {
  terms: Bitset[][];
  bounds: RowBound[];
}

/** A row passes when `values[row]` is at least `min` (above it when `strict`). */
interface RowBound {
  values: Int32Array | Float64Array;
  min: number;
  strict: boolean;
}

export interface Match {
  /** How many vacancies of the subscription's window matched. */
  total: number;
  /** Up to `limit` of them: highlighted premium ones first, then newest first; vacancy ids. */
  vacancyIds: number[];
}

const planKey = (p: WordPlan) => (p.alternative === null ? p.token : `${p.token}\u0000${p.alternative}`);

/** The stored criteria as the search page's query string: unreadable values stand for an empty search. */
export function criteriaQuery(criteria: unknown): string {
  const parsed = subscriptionCriteriaSchema.safeParse(criteria);
  return parsed.success ? parsed.data.query : "";
}

/** Criteria to make ready, with the earliest "since" they will be matched from. */
export interface CriteriaUse {
  query: string;
  since: Date;
}

export class SubscriptionMatcher {
  private readonly words = new Map<string, WordInfo>();
  /**
   * A word's matches, valid for the window's rows published after `from` (ms): a word is matched
   * only as far back as a subscription using it needs (on Mondays the window reaches a week back
   * for weekly subscriptions, while the daily ones need one day).
   */
  private readonly wordSets = new Map<string, { bits: Bitset; from: number }>();
  private readonly plans = new Map<string, CriteriaPlan>();
  private readonly wordsOfQuery = new Map<string, WordPlan[]>();

  /** Time spent per step (ms), for the job's report. */
  readonly timings: Record<string, number> = {};

  constructor(
    private readonly db: Db,
    readonly window: VacancyWindow,
    private readonly catalog: Catalog,
    /** The window's bounds, as it was read. */
    private readonly range: { start: Date; end: Date; now: Date },
    /** The database of `db`, for the bulk matching's own connection. */
    private readonly databaseUrl: string,
  ) {}

  private async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const at = performance.now();
    try {
      return await work();
    } finally {
      this.timings[step] = Math.round((this.timings[step] ?? 0) + performance.now() - at);
    }
  }

  /**
   * Makes these criteria ready to match from their `since` on. With `text` (or `bulk`, which opens
   * one for this call), the words are matched against the window's own text index (WindowText:
   * fast for many words at once, the run's first call); otherwise against vacancy_search (a few
   * new words: later calls).
   */
  async prepare(
    uses: Iterable<CriteriaUse>,
    options: { bulk?: boolean; text?: WindowText | Promise<WindowText> } = {},
  ): Promise<void> {
    const since = new Map<string, number>();
    const start = this.range.start.getTime();
    for (const use of uses) {
      const at = Math.max(use.since.getTime(), start);
      since.set(use.query, Math.min(since.get(use.query) ?? at, at));
    }
    const fresh = [...since.keys()].filter((q) => !this.plans.has(q));
    const params = new Map(fresh.map((q) => [q, paramsFromCriteria({ query: q })]));
    const unknownWords = new Set<string>();
    for (const p of params.values()) for (const token of queryTokens(p.q)) if (!this.words.has(token)) unknownWords.add(token);
    if (unknownWords.size > 0) {
      await this.timed("plan", async () => {
        for (const [token, info] of await lookupWords(this.db, [...unknownWords])) this.words.set(token, info);
      });
    }
    for (const [query, p] of params) this.wordsOfQuery.set(query, this.wordPlans(p.q));

    // Words not matched yet, or not as far back as now needed.
    const needed = new Map<string, { plan: WordPlan; from: number }>();
    for (const [query, from] of since) {
      for (const plan of this.wordsOfQuery.get(query)!) {
        const key = planKey(plan);
        const known = this.wordSets.get(key);
        if (known && known.from <= from) continue;
        needed.set(key, { plan, from: Math.min(needed.get(key)?.from ?? from, from) });
      }
    }
    if (needed.size > 0) await this.timed("match", () => this.matchWords([...needed.values()], options));
    for (const [query, p] of params) this.plans.set(query, this.resolve(p));
  }

  /**
   * The subscription's matches among the window's vacancies published in (since, cutoff]. The
   * criteria must have been prepared.
   */
  match(criteriaQuery: string, since: Date, cutoff: Date, limit: number): Match {
    const plan = this.plans.get(criteriaQuery);
    if (!plan) throw new Error("criteria not prepared");
    for (const word of this.wordsOfQuery.get(criteriaQuery)!) {
      if (this.wordSets.get(planKey(word))!.from > Math.max(since.getTime(), this.range.start.getTime())) {
        throw new Error("criteria not prepared from this since");
      }
    }
    const w = this.window;
    const lo = w.firstAfter(since.getTime());
    const hi = w.firstAfter(cutoff.getTime());
    if (hi <= lo) return { total: 0, vacancyIds: [] };

    const premium: number[] = [];
    const regular: number[] = [];
    let total = 0;
    const firstWord = lo >>> 5;
    const lastWord = (hi - 1) >>> 5;
    const { terms, bounds } = plan;
    // Newest first: rows ascend by publication, so walk the words and their bits downwards.
    for (let word = lastWord; word >= firstWord; word--) {
      let bits = 0xffffffff;
      if (word === firstWord) bits &= 0xffffffff << (lo & 31);
      if (word === lastWord && (hi & 31) !== 0) bits &= (1 << (hi & 31)) - 1;
      for (let t = 0; t < terms.length && bits !== 0; t++) {
        const term = terms[t]!;
        let any = 0;
        for (let k = 0; k < term.length; k++) any |= term[k]![word]!;
        bits &= any;
      }
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits);
        bits ^= 1 << bit;
        const row = (word << 5) | bit;
        if (bounds.length && !withinBounds(bounds, row)) continue;
        total++;
        if (has(w.premium, row)) {
          if (premium.length < limit) premium.push(row);
        } else if (regular.length < limit) regular.push(row);
      }
    }
    const rows = premium.concat(regular).slice(0, limit);
    return { total, vacancyIds: rows.map((row) => w.ids[row]!) };
  }

  /** The searched words of a query (its tokens must have been looked up). */
  private wordPlans(q: string): WordPlan[] {
    return planWords(q, (token) => this.words.get(token)).words;
  }

  private async matchWords(
    words: { plan: WordPlan; from: number }[],
    options: { bulk?: boolean; text?: WindowText | Promise<WindowText> },
  ): Promise<void> {
    const { start, end } = this.range;
    // Words are matched in groups that share the hour they are needed from (rounded down, which
    // only matches more): with one `from` per statement the planner can choose between walking
    // the publication dates (a recent `from`) and the text index alone (the whole window).
    const groups = new Map<number, { plan: WordPlan; from: number }[]>();
    for (const word of words) {
      const from = Math.max(start.getTime(), Math.floor(word.from / HOUR_MS) * HOUR_MS);
      const group = groups.get(from) ?? [];
      group.push({ plan: word.plan, from });
      groups.set(from, group);
    }
    const run = async (query: (sql: Prisma.Sql) => Promise<{ k: number; ids: number[] }[]>, source: Prisma.Sql) => {
      for (const [from, group] of groups) {
        for (let i = 0; i < group.length; i += WORDS_PER_STATEMENT) {
          const chunk = group.slice(i, i + WORDS_PER_STATEMENT);
          // One join of the words with the rows: each word is looked up in the GIN index.
          const rows = await query(Prisma.sql`
            SELECT w.k, array_agg(t.vacancy_id) AS ids
            FROM (VALUES ${Prisma.join(chunk.map((w, k) => Prisma.sql`(${k}::integer, ${wordTsQuery(w.plan)})`))}) AS w(k, query)
            JOIN ${source} AND t.published_at > ${new Date(from)} AND t.search_vector @@ w.query
            GROUP BY w.k`);
          const found = new Map(rows.map((row) => [row.k, row.ids]));
          chunk.forEach(({ plan }, k) => {
            const bits = this.window.bitset();
            for (const id of found.get(k) ?? []) {
              const row = this.window.rowOf(id);
              // A vacancy published or changed since the window was read is not in it.
              if (row !== undefined) bits[row >>> 5]! |= 1 << (row & 31);
            }
            const known = this.wordSets.get(planKey(plan));
            // In place: the plans of criteria already resolved hold this bitset.
            if (known) {
              known.bits.set(bits);
              known.from = from;
            } else this.wordSets.set(planKey(plan), { bits, from });
          });
        }
      }
    };
    if (options.text) {
      const text = await options.text;
      this.timings.index = text.buildMs;
      await run((sql) => text.query(sql), WINDOW_TEXT_SOURCE);
      return;
    }
    if (!options.bulk) {
      await run(
        (sql) => this.db.$queryRaw<{ k: number; ids: number[] }[]>(sql),
        Prisma.sql`vacancy_search t ON t.published_at <= ${end}`,
      );
      return;
    }
    const text = await WindowText.open(this.databaseUrl, this.range);
    try {
      this.timings.index = text.buildMs;
      await run((sql) => text.query(sql), WINDOW_TEXT_SOURCE);
    } finally {
      await text.close();
    }
  }

  /** The criteria as searchVacancies applies them (the same filter conditions), as bitsets and bounds. */
  private resolve(p: SearchParams): CriteriaPlan {
    const plan: CriteriaPlan = { terms: [], bounds: [] };
    for (const word of this.wordPlans(p.q)) plan.terms.push([this.wordSets.get(planKey(word))!.bits]);
    const { filters } = applyFilters(p, { catalog: this.catalog, now: this.range.now, notices: new Set() });
    for (const filter of filters) for (const condition of filter.conditions) addCondition(plan, condition, this.window);
    return plan;
  }
}

const WINDOW_TEXT_SOURCE = Prisma.sql`digest_window_text t ON true`;

/**
 * The search vectors of a run's window (vacancy_search's live rows published in (start, end]) in a
 * temporary table with its own GIN index, on a connection of its own: many words are matched
 * against it several times faster than against vacancy_search. It depends on the window's bounds
 * alone, so a run opens it while it reads the window and the criteria (run-digest.ts). It reads its
 * own snapshot: a vacancy listed between it and the window's pages (an organisation unblocked in
 * that second) is found by the window's filters but by no word, as one changed after the window
 * was read is found by neither.
 */
export class WindowText {
  private constructor(
    private readonly client: pg.Client,
    /** How long the table and its index took (ms). */
    readonly buildMs: number,
  ) {}

  static async open(databaseUrl: string, range: { start: Date; end: Date; now: Date }): Promise<WindowText> {
    const at = performance.now();
    const client = new pg.Client({
      connectionString: databaseUrl,
      options: "-c maintenance_work_mem=256MB -c work_mem=32MB -c jit=off",
    });
    await client.connect();
    try {
      const window = Prisma.sql`published_at > ${range.start} AND published_at <= ${range.end} AND ${liveSearchRowSql(range.now)}`;
      // The temporary table is read back at random for every word, and in the default 8 MB of
      // local buffers its pages are written out and read again over and over (several times
      // slower). Local buffers can only be sized before a session's first temporary table, and
      // stay allocated until the session ends: sized by the window's rows.
      const counted = await client.query<{ n: number }>(
        ...sqlOf(Prisma.sql`SELECT count(*)::int AS n FROM vacancy_search vs WHERE ${window}`),
      );
      const rows = counted.rows[0]?.n ?? 0;
      const tempMb = Math.round(
        Math.min(TEMP_BUFFERS_MB.max, Math.max(TEMP_BUFFERS_MB.min, (rows * TEMP_BYTES_PER_ROW) / 2 ** 20)),
      );
      await client.query(`SET temp_buffers = '${tempMb}MB'`);
      await client.query("BEGIN");
      await client.query(`
        CREATE TEMPORARY TABLE digest_window_text (
          vacancy_id integer NOT NULL, published_at timestamptz(3) NOT NULL, search_vector tsvector NOT NULL)
        ON COMMIT DROP`);
      // In publication order, so that a word needed for the last day only reads the last pages.
      await client.query(
        ...sqlOf(Prisma.sql`
          INSERT INTO digest_window_text (vacancy_id, published_at, search_vector)
          SELECT vacancy_id, published_at, search_vector FROM vacancy_search vs WHERE ${window}
          ORDER BY published_at`),
      );
      await client.query("CREATE INDEX ON digest_window_text USING GIN (search_vector)");
      await client.query("CREATE INDEX ON digest_window_text (published_at)");
      await client.query("ANALYZE digest_window_text");
      return new WindowText(client, Math.round(performance.now() - at));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  async query(sql: Prisma.Sql): Promise<{ k: number; ids: number[] }[]> {
    return (await this.client.query<{ k: number; ids: number[] }>(...sqlOf(sql))).rows;
  }

  /** Drops the table (its transaction ends) and closes the connection. */
  async close(): Promise<void> {
    await this.client.query("COMMIT").catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

const sqlOf = (sql: Prisma.Sql): [string, unknown[]] => [sql.text, sql.values];

function withinBounds(bounds: readonly RowBound[], row: number): boolean {
  for (const { values, min, strict } of bounds) {
    const value = values[row]!;
    if (strict ? value <= min : value < min) return false;
  }
  return true;
}

/** A filter condition (search/plan/filter-conditions.ts) over the window, as conditionSql puts it to vacancy_search. */
export function addCondition(plan: CriteriaPlan, c: Condition, w: VacancyWindow): void {
  switch (c.kind) {
    case "equals":
      plan.terms.push([
        c.column === "city_id"
          ? w.citySet(c.value)
          : c.column === "region_id"
            ? w.regionSet(c.value)
            : w.organizationSet(c.value),
      ]);
      return;
    case "anyOf": {
      const column = c.column === "employment_type" ? "employment" : c.column;
      plan.terms.push(c.values.map((v) => w.enumSet(column, v)));
      return;
    }
    case "overlaps":
      plan.terms.push(
        c.column === "specialization_ids"
          ? c.values.map((id) => w.specializationSet(id))
          : c.values.map((v) => w.enumSet("licence", v)),
      );
      return;
    case "salaryStep":
      // salary_steps holds every step up to salary_top.
      plan.terms.push([w.salarySet(c.step)]);
      return;
    case "atLeast":
      // A vacancy without a salary has -1 here and never passes (NULL in SQL).
      plan.bounds.push({ values: w.salaryTop, min: c.value, strict: false });
      return;
    case "flag":
      plan.terms.push([w.flagSet(c.column === "is_remote" ? "remote" : "anonymous", c.value)]);
      return;
    case "publishedAfter":
      plan.bounds.push({ values: w.publishedAt, min: c.at.getTime(), strict: !c.inclusive });
      return;
  }
}
