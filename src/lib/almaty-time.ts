/**
 * Asia/Almaty, the business's clock: schedules, calendar days in statistics and digests, dates
 * shown to people. All of Kazakhstan is UTC+5 all year since 1 March 2024 (no daylight saving).
 * Day arithmetic uses the fixed offset rather than the zone name, so that a server or database
 * with time zone data older than that change (when Almaty was UTC+6) still counts the same days.
 */
export const ALMATY_TIME_ZONE = "Asia/Almaty";
export const ALMATY_UTC_OFFSET_HOURS = 5;
const OFFSET_MS = ALMATY_UTC_OFFSET_HOURS * 3_600_000;

/** The calendar day in Almaty of an instant, as YYYY-MM-DD. */
export function almatyDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an Almaty calendar day (YYYY-MM-DD) starts. */
export function almatyDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** SQL text: the Almaty calendar day (a `date`) of a timestamptz column or expression. */
export function almatyDaySqlText(column: string): string {
  if (!/^[a-z_][a-z0-9_.]*$/.test(column)) throw new Error(`not a column: ${column}`);
  return `((${column} AT TIME ZONE 'UTC') + interval '${ALMATY_UTC_OFFSET_HOURS} hours')::date`;
}

/** The calendar year in Almaty of an instant (invoices and acts are numbered per year). */
export function almatyYear(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCFullYear();
}

/** The instant an Almaty calendar year starts. */
export function almatyYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - OFFSET_MS);
}
