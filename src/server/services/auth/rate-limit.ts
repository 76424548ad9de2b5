import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

type LimitName =
  | "codeRequestPerEmailIp"
  | "codeRequestPerEmail"
  | "codeRequestPerIp"
  | "signInPerEmailIp"
  | "signInPerEmail"
  | "signInPerIp"
  | "signUpPerIp"
  | "verifyResendPerEmail"
  | "feedbackPerIp"
  | "complaintPerIp"
  | "complaintPerUser"
  | "applyPerUser"
  | "applyPerIp"
  | "appealPerIp"
  | "invitePerOrganization"
  | "resumeOpenPerMember"
  | "staffSecondFactorPerUser";

const LIMITS: Record<LimitName, { points: number; duration: number }> = {
  // Per (address, IP) tight, per address slow, per IP wide (OWASP's authentication cheat sheet):
  // a guesser is stopped at their own IP without locking the owner out from theirs; guessing one
  // address from many IPs is still slowed, and so is spraying many addresses from one IP.
  codeRequestPerEmailIp: { points: 3, duration: 15 * 60 },
  codeRequestPerEmail: { points: 10, duration: 60 * 60 },
  codeRequestPerIp: { points: 30, duration: 60 * 60 },
  signInPerEmailIp: { points: 10, duration: 15 * 60 },
  signInPerEmail: { points: 50, duration: 60 * 60 },
  signInPerIp: { points: 100, duration: 15 * 60 },
  signUpPerIp: { points: 20, duration: 60 * 60 },
  verifyResendPerEmail: { points: 3, duration: 15 * 60 },
  feedbackPerIp: { points: 10, duration: 60 * 60 },
  complaintPerIp: { points: 10, duration: 60 * 60 },
  complaintPerUser: { points: 10, duration: 60 * 60 },
  // Applying: a seeker may apply widely, not flood employers (many seekers can share one IP).
  applyPerUser: { points: 30, duration: 60 * 60 },
  applyPerIp: { points: 100, duration: 60 * 60 },
  // Appeal links are single-use; this only slows guessing them.
  appealPerIp: { points: 10, duration: 60 * 60 },
  invitePerOrganization: { points: 50, duration: 24 * 60 * 60 },
  // Opening resumes' contacts: a recruiter at work opens a few a minute; a script opening hundreds
  // is stopped long before the daily caps (H 3.5) would be of any help.
  resumeOpenPerMember: { points: 100, duration: 15 * 60 },
  // A staff member's second-factor codes (TOTP or recovery): a million codes cannot be tried.
  staffSecondFactorPerUser: { points: 10, duration: 15 * 60 },
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

const pairKey = (email: string, ip: string | null) => `${email}|${ip ?? "unknown"}`;

/**
 * One attempt to prove who one is (password or code, at sign-in or before a sensitive change):
 * counted per address and IP, per address, and per IP.
 */
export async function consumeSignInAttempt(email: string, ip: string | null): Promise<void> {
  await consumeLimit("signInPerEmailIp", pairKey(email, ip));
  await consumeLimit("signInPerEmail", email);
  if (ip) await consumeLimit("signInPerIp", ip);
}

/** After a success: this address and IP start afresh (the slower limits keep counting). */
export async function resetSignInAttempts(email: string, ip: string | null): Promise<void> {
  await resetLimit("signInPerEmailIp", pairKey(email, ip));
}

/** One request for a sign-in code, counted the same three ways. */
export async function consumeCodeRequest(email: string, ip: string | null): Promise<void> {
  await consumeLimit("codeRequestPerEmailIp", pairKey(email, ip));
  await consumeLimit("codeRequestPerEmail", email);
  if (ip) await consumeLimit("codeRequestPerIp", ip);
}
