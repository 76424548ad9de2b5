import { timingSafeEqual } from "node:crypto";

import type { HeaderSource } from "./payment-provider";

/** A header's value by name in any case; the first value when a record holds several. */
export function readHeader(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : (value[0] ?? null);
  }
  return null;
}

/** "application/x-www-form-urlencoded" out of "Application/X-WWW-Form-Urlencoded; charset=utf-8". */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export function contentTypeParameter(contentType: string | null, name: string): string | null {
  for (const part of (contentType ?? "").split(";").slice(1)) {
    const [key = "", ...rest] = part.split("=");
    if (key.trim().toLowerCase() !== name) continue;
    const value = rest.join("=").trim();
    return value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return null;
}

// The URL only serves to read the path and query: a relative one is resolved against a dummy origin.
const parseUrl = (url: string) => new URL(url, "http://localhost");

export const queryOf = (url: string): URLSearchParams => parseUrl(url).searchParams;

/** The part of the URL's path after its last "/" (empty when the path ends with one). */
export function lastPathSegment(url: string): string {
  const path = parseUrl(url).pathname;
  return path.slice(path.lastIndexOf("/") + 1);
}

/**
 * application/x-www-form-urlencoded as browsers write it, but with lower-case escapes ("%d0%a1"),
 * the way CloudPayments sends its notifications.
 */
export function encodeForm(fields: Iterable<readonly [string, string]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of fields) params.append(key, value);
  return params.toString().replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/** Constant-time comparison of two secrets' encodings (their length is not secret). */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The text fields of a multipart/form-data body (RFC 7578); file parts are skipped. Null when the
 * body is not multipart with this boundary.
 */
export function parseMultipartFields(body: string, boundary: string): [string, string][] | null {
  const delimiter = `--${boundary}`;
  const parts = body.split(delimiter);
  // Text before the first delimiter is a preamble; the last delimiter is followed by "--".
  if (parts.length < 2 || !parts.at(-1)!.startsWith("--")) return null;
  const fields: [string, string][] = [];
  for (const part of parts.slice(1, -1)) {
    if (!part.startsWith("\r\n") || !part.endsWith("\r\n")) return null;
    const content = part.slice(2, -2);
    const split = content.indexOf("\r\n\r\n");
    if (split < 0) return null;
    const disposition = content
      .slice(0, split)
      .split("\r\n")
      .find((line) => line.toLowerCase().startsWith("content-disposition:"));
    const name = disposition ? /;\s*name="([^"]*)"/i.exec(disposition)?.[1] : undefined;
    if (name === undefined) return null;
    if (/;\s*filename\*?=/i.test(disposition!)) continue;
    fields.push([name, content.slice(split + 4)]);
  }
  return fields;
}
