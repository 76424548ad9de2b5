/**
 * next-auth hands the browser only a string for a refused sign-in. Ours is a catalogue key, and
 * when the message needs values (a block's reason) they follow it as a query string:
 * `errors.auth.blockedBecause?reason=…`. Anything else decodes to `fallback`.
 */
export function encodeAuthError(key: string, params?: Record<string, string>): string {
  return params && Object.keys(params).length > 0 ? `${key}?${new URLSearchParams(params).toString()}` : key;
}

export function decodeAuthError(
  raw: string | null | undefined,
  fallback: string,
): { key: string; params: Record<string, string> } {
  if (!raw || !raw.startsWith("errors.")) return { key: fallback, params: {} };
  const at = raw.indexOf("?");
  if (at < 0) return { key: raw, params: {} };
  return { key: raw.slice(0, at), params: Object.fromEntries(new URLSearchParams(raw.slice(at + 1))) };
}
