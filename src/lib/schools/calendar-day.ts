// Calendar days as "YYYY-MM-DD" text: birth dates, course dates and consent dates are days, not
// moments, and are compared as such (today is the Almaty day, src/lib/almaty-time.ts).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing day written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years from `birthDate` to `onDay` (a person born on 29 February turns a year older on 1 March). */
export function ageOn(birthDate: string, onDay: string): number {
  const years = Number(onDay.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDay.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The day as a Date at UTC midnight, the way PostgreSQL DATE columns travel through Prisma. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** A DATE column's value back as YYYY-MM-DD. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A day as people write it in a spreadsheet: 31.12.2007, 31/12/2007, 2007-12-31 (one-digit day
 * and month allowed), or null when it is not an existing day.
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let parts: [string, string, string] | null = match ? [match[1]!, match[2]!, match[3]!] : null;
  if (!parts) {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
    parts = match ? [match[3]!, match[2]!, match[1]!] : null;
  }
  if (!parts) return null;
  const day = `${parts[0]}-${parts[1].padStart(2, "0")}-${parts[2].padStart(2, "0")}`;
  return isCalendarDay(day) ? day : null;
}

/** A day as people read it: DD.MM.YYYY. */
export function formatDay(day: string): string {
  const match = DAY.exec(day);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : day;
}
