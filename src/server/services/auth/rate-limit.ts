import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

type LimitName =
  | "codeRequestPerEmail"
  | "codeRequestPerIp"
  | "signInPerEmail"
  | "signInPerIp"
  | "signUpPerIp"
  | "verifyResendPerEmail"
  | "feedbackPerIp"
  | "complaintPerIp"
  | "invitePerOrganization";

const LIMITS: Record<LimitName, { points: number; duration: number }> = {
  codeRequestPerEmail: { points: 3, duration: 15 * 60 },
  codeRequestPerIp: { points: 20, duration: 60 * 60 },
  signInPerEmail: { points: 10, duration: 15 * 60 },
  signInPerIp: { points: 50, duration: 15 * 60 },
  signUpPerIp: { points: 20, duration: 60 * 60 },
  verifyResendPerEmail: { points: 3, duration: 15 * 60 },
  feedbackPerIp: { points: 10, duration: 60 * 60 },
  complaintPerIp: { points: 10, duration: 60 * 60 },
  invitePerOrganization: { points: 50, duration: 24 * 60 * 60 },
};

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma {
  let l = limiters.get(name);
  if (!l) {
    // Counters live in PostgreSQL so every app instance shares them.
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...LIMITS[name],
    });
    limiters.set(name, l);
  }
  return l;
}

/** Spends one point; throws RATE_LIMITED (with the wait in seconds) when the window is used up. */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key.toLowerCase().slice(0, 200));
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      throw new DomainError("RATE_LIMITED", "errors.rateLimited", {
        retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
      });
    }
    throw e;
  }
}

export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(key.toLowerCase().slice(0, 200));
}
