import { Prisma } from "@/generated/prisma/client";

/** What identifies a person in free text: their email addresses, phone and full name. */
export interface Identifiers {
  emails: string[];
  phone: string | null;
  name: string;
}

export const REDACTED = "***";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The name as React (emails, pages) escapes it inside HTML. */
const htmlEscaped = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The 10 national digits of a +7 number ("7011234567"), or null. */
function nationalDigits(phone: string | null): string | null {
  const digits = phone?.replace(/\D/g, "") ?? "";
  return digits.length === 11 && digits.startsWith("7") ? digits.slice(1) : null;
}

function literals(ids: Identifiers): string[] {
  const name = ids.name.trim();
  const values = [...ids.emails, ...(name.length >= 2 ? [name, htmlEscaped(name)] : [])];
  return [...new Set(values.map((v) => v.toLowerCase()).filter((v) => v.length >= 2))];
}

/**
 * A function that replaces every occurrence of the person's identifiers in a text: addresses and
 * the name in any case, the phone in any common spelling (+7 701 123 45 67, 8 (701) 123-45-67,
 * 77011234567).
 */
export function redactor(ids: Identifiers): (text: string) => string {
  // Whole words only: a short name must not eat into longer words around it.
  const parts = literals(ids)
    .sort((a, b) => b.length - a.length)
    .map((v) => `(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`);
  const national = nationalDigits(ids.phone);
  if (national) parts.push(`(?<!\\d)(?:(?:\\+\\s?7|7|8)[\\s().-]{0,3})?${national.split("").join("[\\s().-]{0,3}")}(?!\\d)`);
  if (parts.length === 0) return (text) => text;
  const pattern = new RegExp(parts.join("|"), "giu");
  return (text) => text.replace(pattern, REDACTED);
}

/** Redacts every string inside a JSON value (object keys stay). */
export function redactJson(value: Prisma.JsonValue, redact: (text: string) => string): Prisma.JsonValue {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, redact));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === undefined ? v : redactJson(v, redact)]));
  }
  return value;
}

/**
 * An SQL condition true when `column` (text, or jsonb cast to text) mentions the person: a
 * case-insensitive substring for addresses and the name, a regular expression for the phone.
 */
export function mentionsSql(column: Prisma.Sql, ids: Identifiers): Prisma.Sql {
  const conditions = literals(ids).map((v) => Prisma.sql`strpos(lower(${column}), ${v}) > 0`);
  const national = nationalDigits(ids.phone);
  if (national) conditions.push(Prisma.sql`${column} ~ ${national.split("").join("[ ().-]{0,3}")}`);
  if (conditions.length === 0) return Prisma.sql`false`;
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}
