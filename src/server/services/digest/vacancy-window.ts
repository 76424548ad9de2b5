import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";

import { liveSearchRowSql } from "../vacancies/visibility";

// The vacancies a digest run can send: every searchable vacancy published in the run's window
// (from the earliest "since" of a due subscription up to the cutoff) that is still live, read once
// from `vacancy_search` and kept in memory as columns, ordered by (published_at, vacancy_id).
// Every filter of the search page is answered with bitsets over these rows (one bit per row), built
// on first use and shared by all subscriptions of the run, so that matching a subscription costs a
// few word-wise ANDs over its own part of the window instead of a query.

export type Bitset = Uint32Array;

const PAGE_ROWS = 20_000;

interface WindowRow {
  id: number;
  published_at: Date;
  premium: boolean;
  city_id: number;
  region_id: number;
  organization_id: number;
  is_anonymous: boolean;
  specialization_ids: number[];
  licences: string[];
  salary_top: number | null;
  experience: string;
  employment_type: string;
  schedule: string;
  is_remote: boolean;
}

export class VacancyWindow {
  readonly size: number;
  readonly words: number;
  /** Vacancy id and publication time (ms) of each row, ascending by (published_at, id). */
  readonly ids: Int32Array;
  readonly publishedAt: Float64Array;
  /** -1 where the vacancy names no salary. */
  readonly salaryTop: Int32Array;
  readonly premium: Bitset;
  /** Rows whose company may be shown (not anonymous): a company filter never finds anonymous ones. */
  readonly named: Bitset;
  readonly remote: Bitset;
  private readonly cityId: Int32Array;
  private readonly regionId: Int32Array;
  private readonly organizationId: Int32Array;
  private readonly specStart: Int32Array;
  private readonly specIds: Int32Array;
  private readonly enumSets = new Map<string, Bitset>();
  private readonly lazySets = new Map<string, Bitset>();
  private readonly rowOfId = new Map<number, number>();

  constructor(rows: readonly WindowRow[]) {
    const n = rows.length;
    this.size = n;
    this.words = Math.ceil(n / 32);
    this.ids = new Int32Array(n);
    this.publishedAt = new Float64Array(n);
    this.salaryTop = new Int32Array(n);
    this.cityId = new Int32Array(n);
    this.regionId = new Int32Array(n);
    this.organizationId = new Int32Array(n);
    this.premium = this.bitset();
    this.named = this.bitset();
    this.remote = this.bitset();
    this.specStart = new Int32Array(n + 1);
    let specCount = 0;
    for (const row of rows) specCount += row.specialization_ids.length;
    this.specIds = new Int32Array(specCount);

    let spec = 0;
    rows.forEach((row, i) => {
      this.ids[i] = row.id;
      this.rowOfId.set(row.id, i);
      this.publishedAt[i] = row.published_at.getTime();
      this.salaryTop[i] = row.salary_top ?? -1;
      this.cityId[i] = row.city_id;
      this.regionId[i] = row.region_id;
      this.organizationId[i] = row.organization_id;
      if (row.premium) set(this.premium, i);
      if (!row.is_anonymous) set(this.named, i);
      if (row.is_remote) set(this.remote, i);
      this.specStart[i] = spec;
      for (const id of row.specialization_ids) this.specIds[spec++] = id;
      set(this.enumSet("experience", row.experience), i);
      set(this.enumSet("employment", row.employment_type), i);
      set(this.enumSet("schedule", row.schedule), i);
      for (const licence of row.licences) set(this.enumSet("licence", licence), i);
    });
    this.specStart[n] = spec;
  }

  bitset(): Bitset {
    return new Uint32Array(this.words);
  }

  /** The row of a vacancy, or undefined when it is not in the window. */
  rowOf(vacancyId: number): number | undefined {
    return this.rowOfId.get(vacancyId);
  }

  /** Rows whose value of an enum column (experience, employment, schedule, licence) is `value`. */
  enumSet(column: "experience" | "employment" | "schedule" | "licence", value: string): Bitset {
    const key = `${column}:${value}`;
    let bits = this.enumSets.get(key);
    if (!bits) {
      bits = this.bitset();
      this.enumSets.set(key, bits);
    }
    return bits;
  }

  citySet(id: number): Bitset {
    return this.lazy(`city:${id}`, (i) => this.cityId[i] === id);
  }

  regionSet(id: number): Bitset {
    return this.lazy(`region:${id}`, (i) => this.regionId[i] === id);
  }

  organizationSet(id: number): Bitset {
    return this.lazy(`organization:${id}`, (i) => this.organizationId[i] === id);
  }

  /** Rows listing this specialization (a group id matches the group's members: see refresh_vacancy_search). */
  specializationSet(id: number): Bitset {
    return this.lazy(`specialization:${id}`, (i) => {
      for (let k = this.specStart[i]!; k < this.specStart[i + 1]!; k++) if (this.specIds[k] === id) return true;
      return false;
    });
  }

  /** Rows whose flag is `value`. */
  flagSet(flag: "remote" | "anonymous", value: boolean): Bitset {
    const set = flag === "remote" ? this.remote : this.named;
    const wanted = flag === "remote" ? value : !value;
    return wanted ? set : this.lazy(`not:${flag}`, (i) => !has(set, i));
  }

  /** Rows whose top salary is at least `amount`. */
  salarySet(amount: number): Bitset {
    return this.lazy(`salary:${amount}`, (i) => this.salaryTop[i]! >= amount);
  }

  /** The first row published after `at` (ms); `size` when none is. */
  firstAfter(at: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.publishedAt[mid]! > at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private lazy(key: string, test: (row: number) => boolean): Bitset {
    let bits = this.lazySets.get(key);
    if (!bits) {
      bits = this.bitset();
      for (let i = 0; i < this.size; i++) if (test(i)) set(bits, i);
      this.lazySets.set(key, bits);
    }
    return bits;
  }
}

export function set(bits: Bitset, row: number): void {
  bits[row >>> 5]! |= 1 << (row & 31);
}

export const has = (bits: Bitset, row: number) => (bits[row >>> 5]! & (1 << (row & 31))) !== 0;

/**
 * Reads the window: searchable vacancies published in (start, end] that are live at `now`, with
 * what the search page filters on. `premium` is the highlight as the search page shows it now.
 */
export async function loadVacancyWindow(db: Db, start: Date, end: Date, now: Date): Promise<VacancyWindow> {
  const rows: WindowRow[] = [];
  let after = Prisma.empty;
  for (;;) {
    const page: WindowRow[] = await db.$queryRaw<WindowRow[]>`
      SELECT vs.vacancy_id AS id, vs.published_at, coalesce(vs.premium_until > ${now}, false) AS premium,
             vs.city_id, vs.region_id, vs.organization_id, vs.is_anonymous, vs.specialization_ids,
             vs.licence_categories::text[] AS licences, vs.salary_top, vs.experience::text AS experience,
             vs.employment_type::text AS employment_type, vs.schedule::text AS schedule, vs.is_remote
      FROM vacancy_search vs
      WHERE vs.published_at > ${start} AND vs.published_at <= ${end}
        AND ${liveSearchRowSql(now)}
        ${after}
      ORDER BY vs.published_at, vs.vacancy_id
      LIMIT ${PAGE_ROWS}`;
    for (const row of page) rows.push(row);
    const last = page[page.length - 1];
    if (!last || page.length < PAGE_ROWS) break;
    after = Prisma.sql`AND (vs.published_at, vs.vacancy_id) > (${last.published_at}, ${last.id})`;
  }
  return new VacancyWindow(rows);
}
