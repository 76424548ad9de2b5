import { createHmac } from "node:crypto";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";

import { createUnsubscribeToken, UNSUBSCRIBE_TOKEN_DAYS, verifyUnsubscribeToken } from "./unsubscribe-token";

const DAY = 86_400_000;
const issued = new Date("2026-11-23T02:00:00Z");

// The signing key comes from the validated configuration, which needs a database URL.
const withConfig = () => {
  vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/jumys");
  resetEnvForTests();
};

beforeEach(withConfig);

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("unsubscribe tokens", () => {
  it("carry the purpose, the account and the issue time, and verify", () => {
    const token = createUnsubscribeToken(42, issued);
    expect(token).toMatch(/^digests\.42\.1795399200\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(token, new Date(issued.getTime() + DAY))).toEqual({ ok: true, userId: 42, issuedAt: issued });
  });

  it(`expire after ${UNSUBSCRIBE_TOKEN_DAYS} days`, () => {
    const token = createUnsubscribeToken(42, issued);
    expect(verifyUnsubscribeToken(token, new Date(issued.getTime() + UNSUBSCRIBE_TOKEN_DAYS * DAY)).ok).toBe(true);
    expect(verifyUnsubscribeToken(token, new Date(issued.getTime() + UNSUBSCRIBE_TOKEN_DAYS * DAY + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuse a changed account, issue time or signature", () => {
    const token = createUnsubscribeToken(42, issued);
    const [purpose, , at, signature] = token.split(".") as [string, string, string, string];
    const now = new Date(issued.getTime() + DAY);
    const forged = [
      `${purpose}.43.${at}.${signature}`,
      `${purpose}.42.${Number(at) + 86_400 * 365}.${signature}`,
      `${purpose}.42.${at}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
      `${purpose}.42.${at}.${"A".repeat(43)}`,
    ];
    for (const t of forged) expect(verifyUnsubscribeToken(t, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse a token signed with another secret, for another purpose, or from the future", () => {
    const token = createUnsubscribeToken(42, issued);
    vi.stubEnv("AUTH_SECRET", "another-secret-another-secret-another-0123");
    resetEnvForTests();
    expect(verifyUnsubscribeToken(token, issued)).toEqual({ ok: false, reason: "invalid" });
    vi.unstubAllEnvs();
    withConfig();

    // Signed correctly, but for something else: the key is derived the way the module derives it.
    const key = createHmac("sha256", process.env.AUTH_SECRET!).update("jumys/unsubscribe-token/v1").digest();
    const payload = `sessions.42.${Math.floor(issued.getTime() / 1000)}`;
    const other = `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
    expect(verifyUnsubscribeToken(other, issued)).toEqual({ ok: false, reason: "invalid" });

    const future = createUnsubscribeToken(42, new Date(issued.getTime() + DAY));
    expect(verifyUnsubscribeToken(future, issued)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse anything that is not a token, without throwing", () => {
    const now = new Date();
    for (const junk of [undefined, null, 42, "", "digests", "digests.0.1.x", "a".repeat(5000), "digests.42.1.%%%", ["x"]]) {
      expect(verifyUnsubscribeToken(junk, now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(() => createUnsubscribeToken(0)).toThrow(RangeError);
  });
});
