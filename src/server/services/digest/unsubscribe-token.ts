import { createHmac, timingSafeEqual } from "node:crypto";

import { getEnv } from "@/env";

// The token in an unsubscribe link: `<purpose>.<id>.<issued, unix seconds>.<signature>`, where the
// purpose says what the id names: `digests` a seeker's account (all their subscription digests),
// `rsearch` one saved search of the resume database. It is
// signed with HMAC-SHA256 under a key derived from AUTH_SECRET (its own key, so that a signature
// made here can never stand for anything else signed with that secret). Nothing is stored: the
// link works without signing in, for as long as it has not expired, and only for its purpose.

export const UNSUBSCRIBE_PURPOSES = ["digests", "rsearch"] as const;
export type UnsubscribePurpose = (typeof UNSUBSCRIBE_PURPOSES)[number];
const KEY_LABEL = "jumys/unsubscribe-token/v1";
/** An unsubscribe link works for this long after the email was sent. */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;
const MAX_AGE_MS = UNSUBSCRIBE_TOKEN_DAYS * 86_400_000;
/** Clocks of the servers that sign and verify may differ by this much. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_INT4 = 2_147_483_647;
const TOKEN = /^([a-z]{1,20})\.([1-9]\d{0,9})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** `userId` is the id the token names: an account for `digests`, a saved search for `rsearch`. */
export type TokenCheck = { ok: true; userId: number; issuedAt: Date } | { ok: false; reason: "invalid" | "expired" };

let cachedKey: { secret: string; key: Buffer } | undefined;

function signingKey(): Buffer {
  const secret = getEnv().AUTH_SECRET;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: createHmac("sha256", secret).update(KEY_LABEL).digest() };
  return cachedKey.key;
}

const sign = (payload: string) => createHmac("sha256", signingKey()).update(payload).digest("base64url");

export function createUnsubscribeToken(
  userId: number,
  issuedAt: Date = new Date(),
  purpose: UnsubscribePurpose = "digests",
): string {
  if (!Number.isSafeInteger(userId) || userId < 1 || userId > MAX_INT4) throw new RangeError("userId must be a positive int4");
  const payload = `${purpose}.${userId}.${Math.floor(issuedAt.getTime() / 1000)}`;
  return `${payload}.${sign(payload)}`;
}

/**
 * Checks a token's signature (in constant time) and age. "expired" is told only for a token this
 * server signed; anything else that does not verify, including another purpose or a token from
 * the future, is "invalid".
 */
export function verifyUnsubscribeToken(
  token: unknown,
  now: Date = new Date(),
  expectedPurpose: UnsubscribePurpose = "digests",
): TokenCheck {
  if (typeof token !== "string" || token.length > 200) return { ok: false, reason: "invalid" };
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: "invalid" };
  const [, purpose, id, issued, signature] = match as unknown as [string, string, string, string, string];
  const expected = sign(`${purpose}.${id}.${issued}`);
  // Both are 43 base64url characters here (the pattern fixed the presented one's length).
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return { ok: false, reason: "invalid" };
  if (purpose !== expectedPurpose) return { ok: false, reason: "invalid" };
  const userId = Number(id);
  const issuedAt = new Date(Number(issued) * 1000);
  if (userId > MAX_INT4 || Number.isNaN(issuedAt.getTime())) return { ok: false, reason: "invalid" };
  if (issuedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { ok: false, reason: "invalid" };
  if (now.getTime() - issuedAt.getTime() > MAX_AGE_MS) return { ok: false, reason: "expired" };
  return { ok: true, userId, issuedAt };
}
