import { getEnv } from "@/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(value) ? (value.join(",") ?? null) : (value ?? null);
}

/**
 * The client's address, as far as it can be trusted. `socket` is the TCP peer (set by
 * scripts/socket-ip.mjs); `forwardedFor` the X-Forwarded-For chain. With no trusted proxy the client
 * is the peer and the header is ignored (anyone can write it); with N proxies, each appending the
 * address it saw, the client is the Nth entry from the right — what the outermost trusted proxy
 * recorded. Entries further left were written by the client and prove nothing.
 */
export function clientAddress(input: {
  socket: string | null;
  forwardedFor: string | null;
  trustedProxies: number;
}): string | null {
  const { socket, forwardedFor, trustedProxies } = input;
  if (trustedProxies === 0) return normalizeAddress(socket);
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return normalizeAddress(socket);
  // Fewer entries than proxies: the request skipped one of them; the leftmost is the best guess.
  return normalizeAddress(chain[Math.max(0, chain.length - trustedProxies)] ?? null);
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) as plain IPv4; at most 45 characters; null when empty. */
function normalizeAddress(address: string | null): string | null {
  const a = address?.trim();
  if (!a) return null;
  return a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").slice(0, 45);
}

let warned = false;

/** Client address and user agent of a request. */
export function requestMeta(headers: HeaderSource) {
  const trustedProxies = getEnv().TRUSTED_PROXY_COUNT;
  // The peer's address comes only from our own server (scripts/socket-ip.mjs), which overwrites the
  // header; under any other server the header could be the client's own invention.
  const trustedServer = process.env.JUMYS_SOCKET_IP_HEADER === "1";
  let socket = trustedServer ? header(headers, "x-jumys-socket-ip") : null;
  if (!trustedServer) {
    // `next dev` or a bare `next start`: Next puts the peer into X-Forwarded-For only when the
    // client sent none, so the rightmost entry is the best available.
    if (!warned && process.env.NODE_ENV === "production") {
      warned = true;
      console.warn("request-meta: not running under scripts/socket-ip.mjs (npm start); client addresses cannot be verified");
    }
    socket = header(headers, "x-forwarded-for")?.split(",").pop()?.trim() ?? null;
  }
  const ip = clientAddress({ socket, forwardedFor: header(headers, "x-forwarded-for"), trustedProxies });
  return { ip, userAgent: header(headers, "user-agent")?.slice(0, 400) ?? null };
}
