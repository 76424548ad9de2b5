/** The ledger entry kinds, in the order the filter offers them. */
export const LEDGER_KINDS = ["TOP_UP", "PURCHASE", "REFUND", "FORFEIT", "ADJUSTMENT"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The ledger filter as the page and the CSV download read it from the address: `kind` (one entry
 * kind), `from` and `to` (calendar days in Almaty, YYYY-MM-DD, both included) and `before` (the
 * page cursor). Anything unreadable is left out rather than refused, so a hand-edited address
 * still shows the ledger.
 */
export interface LedgerFilter {
  kind: LedgerKind | null;
  /** YYYY-MM-DD as given, for the form. */
  fromDay: string | null;
  toDay: string | null;
  /** The first moment of `fromDay` in Almaty. */
  from: Date | null;
  /** The first moment after `toDay` in Almaty (exclusive end). */
  to: Date | null;
  before: number | null;
}

type Param = string | string[] | undefined;
const first = (value: Param) => (Array.isArray(value) ? value[0] : value);

// Kazakhstan keeps one time zone, UTC+5, all year round.
const ALMATY_OFFSET = "+05:00";
const DAY_MS = 86_400_000;

function parseDay(value: Param): { day: string; start: Date } | null {
  const day = first(value)?.trim();
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = new Date(`${day}T00:00:00${ALMATY_OFFSET}`);
  // 2026-02-31 parses to 3 March: only a real calendar day counts.
  if (Number.isNaN(start.getTime()) || new Date(start.getTime() + 5 * 3_600_000).toISOString().slice(0, 10) !== day) return null;
  return { day, start };
}

export function parseLedgerFilter(params: Record<string, Param>): LedgerFilter {
  const kindParam = first(params.kind);
  const kind = LEDGER_KINDS.find((k) => k === kindParam) ?? null;
  const from = parseDay(params.from);
  const to = parseDay(params.to);
  const beforeParam = first(params.before);
  const before = beforeParam && /^\d{1,10}$/.test(beforeParam) ? Number(beforeParam) : null;
  return {
    kind,
    fromDay: from?.day ?? null,
    toDay: to?.day ?? null,
    from: from?.start ?? null,
    to: to ? new Date(to.start.getTime() + DAY_MS) : null,
    before: before !== null && before > 0 && before <= 2_147_483_647 ? before : null,
  };
}

/** The query string for a filter (without the cursor unless given): `?kind=…&from=…&to=…`. */
export function ledgerFilterQuery(filter: Pick<LedgerFilter, "kind" | "fromDay" | "toDay">, before?: number): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set("kind", filter.kind);
  if (filter.fromDay) query.set("from", filter.fromDay);
  if (filter.toDay) query.set("to", filter.toDay);
  if (before !== undefined) query.set("before", String(before));
  const text = query.toString();
  return text ? `?${text}` : "";
}
