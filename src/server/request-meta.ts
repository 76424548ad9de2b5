type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Client IP and user agent. Next's server sets X-Forwarded-For from the socket when no proxy did. */
export function requestMeta(headers: HeaderSource) {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || header(headers, "x-real-ip") || null;
  return { ip: ip ? ip.slice(0, 45) : null, userAgent: header(headers, "user-agent")?.slice(0, 400) ?? null };
}
