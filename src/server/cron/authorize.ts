import { createHash, timingSafeEqual } from "node:crypto";

import { getEnv } from "@/env";

/**
 * Compares a presented secret with the expected one in constant time. Both are hashed first, so
 * the comparison always runs over 32 bytes: neither the length of the secret nor the position
 * of the first wrong character shows in the timing, and unequal lengths need no special case.
 */
export function secretsMatch(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive), or null. */
export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

function refuse(status: 401 | 403 | 503, error: string): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="cron"';
  return Response.json({ ok: false, error }, { status, headers });
}

/**
 * Lets a scheduled job's request through (null) when it carries `Authorization: Bearer
 * <CRON_SECRET>`; otherwise the answer to send back: 503 while CRON_SECRET is not configured (the
 * jobs are off), 401 without a well-formed Bearer header, 403 with a wrong secret.
 */
export function authorizeCron(request: Request): Response | null {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return refuse(503, "Scheduled jobs are disabled: CRON_SECRET is not set.");
  const token = bearerToken(request.headers.get("authorization"));
  if (token === null) return refuse(401, "Expected Authorization: Bearer <CRON_SECRET>.");
  if (!secretsMatch(token, secret)) return refuse(403, "Wrong cron secret.");
  return null;
}
