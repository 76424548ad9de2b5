import { createHmac, randomBytes, randomInt } from "node:crypto";

import { getEnv } from "@/env";
import type { DbTx } from "@/server/db-client";
import type { EmailTokenPurpose } from "@/generated/prisma/enums";

export const SIGN_IN_CODE_MINUTES = 10;
export const VERIFY_LINK_HOURS = 48;
export const MAX_CODE_ATTEMPTS = 5;
/** A block's appeal link: the blocked person cannot sign in, so the email's link is how they appeal. */
export const APPEAL_LINK_DAYS = 30;

// Only a keyed hash is stored: a leaked table reveals neither links nor codes.
export function hashSecret(purpose: EmailTokenPurpose, userId: number, secret: string): string {
  const scope = purpose === "SIGN_IN_CODE" ? `${purpose}:${userId}` : purpose;
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`${scope}:${secret}`).digest("hex");
}

/**
 * Issues a new code or link for the user and retires the previous ones of the same purpose,
 * so only the latest email works.
 */
export async function issueEmailToken(
  tx: DbTx,
  params: { userId: number; email: string; purpose: EmailTokenPurpose; now?: Date },
): Promise<{ secret: string; expiresAt: Date }> {
  const now = params.now ?? new Date();
  const secret =
    params.purpose === "SIGN_IN_CODE"
      ? randomInt(0, 1_000_000).toString().padStart(6, "0")
      : randomBytes(32).toString("base64url");
  const ttlMs =
    params.purpose === "SIGN_IN_CODE"
      ? SIGN_IN_CODE_MINUTES * 60_000
      : params.purpose === "BLOCK_APPEAL"
        ? APPEAL_LINK_DAYS * 86_400_000
        : VERIFY_LINK_HOURS * 3_600_000;
  const expiresAt = new Date(now.getTime() + ttlMs);
  await tx.emailToken.deleteMany({ where: { userId: params.userId, purpose: params.purpose } });
  await tx.emailToken.create({
    data: {
      userId: params.userId,
      email: params.email,
      purpose: params.purpose,
      secretHash: hashSecret(params.purpose, params.userId, secret),
      expiresAt,
      createdAt: now,
    },
  });
  return { secret, expiresAt };
}
