import type { Db } from "@/server/db-client";
import { db as defaultDb } from "@/server/db";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import { verifyUnsubscribeToken } from "./unsubscribe-token";

// Switching the subscription digests off (and back on) from the link in a digest, without
// signing in. The token names the account; the switch is User.notifyDigests, the same one the
// cabinet's email preferences show. A change is written together with an audit entry that holds
// no personal data (no address, IP or user agent: only which account and how).

export type DigestSwitchSource = "one-click" | "page";

interface Options {
  db?: Db;
  now?: Date;
}

/** The account a token stands for, or the DomainError to show for it. Reads only. */
export async function readUnsubscribeToken(
  token: unknown,
  options: Options = {},
): Promise<{ userId: number; digestsOn: boolean; locale: "ru" | "kk" }> {
  const db = options.db ?? defaultDb;
  const userId = checkedUserId(token, options.now);
  const user = await db.user.findUnique({ where: { id: userId }, select: { notifyDigests: true, locale: true } });
  if (!user) throw new DomainError("NOT_FOUND", "errors.unsubscribe.accountGone");
  return { userId, digestsOn: user.notifyDigests, locale: user.locale };
}

/**
 * Turns the digests of the token's account off (`on` false) or back on. Repeating it changes
 * nothing and writes nothing; `changed` says whether this call made the change.
 */
export async function setDigestsByToken(
  token: unknown,
  on: boolean,
  source: DigestSwitchSource,
  options: Options = {},
): Promise<{ userId: number; changed: boolean }> {
  const db = options.db ?? defaultDb;
  const userId = checkedUserId(token, options.now);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new DomainError("NOT_FOUND", "errors.unsubscribe.accountGone");
    // Conditional, so that two requests at once (a mail client's one-click and a click on the
    // page) make one change and one audit entry.
    const { count } = await tx.user.updateMany({ where: { id: userId, notifyDigests: !on }, data: { notifyDigests: on } });
    if (count === 0) return { userId, changed: false };
    await audit(
      tx,
      { userId: null, ip: null },
      on ? "digest.resubscribe" : "digest.unsubscribe",
      { type: "user", id: userId },
      { data: { source } },
    );
    return { userId, changed: true };
  });
}

function checkedUserId(token: unknown, now?: Date): number {
  const check = verifyUnsubscribeToken(token, now);
  if (check.ok) return check.userId;
  throw new DomainError("VALIDATION", check.reason === "expired" ? "errors.unsubscribe.expired" : "errors.unsubscribe.invalid");
}
