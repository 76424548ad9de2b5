/** A request's query: a Next.js searchParams object or URLSearchParams. */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Every value of a key: several may also come comma-separated; empty ones are noise. */
export function paramValues(raw: RawParams, key: string): string[] {
  const value = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 50);
}

export const firstValue = (raw: RawParams, key: string): string | null => paramValues(raw, key)[0] ?? null;

export function wholeNumber(value: string): number | null {
  if (!/^\d{1,12}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
