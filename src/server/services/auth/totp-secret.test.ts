import { describe, expect, it } from "vitest";

import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCodeAt,
  totpStep,
  totpUri,
} from "./totp-secret";

const KEY = "unit-test-secret-unit-test-secret-0123456789";
// RFC 6238's SHA-1 test key ("12345678901234567890") in Base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("match RFC 6238's SHA-1 test vectors (six digits)", async () => {
    expect(await totpCodeAt(RFC_SECRET, totpStep(new Date(59_000)))).toBe("287082");
    expect(await totpCodeAt(RFC_SECRET, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
    expect(await totpCodeAt(RFC_SECRET, totpStep(new Date(2_000_000_000_000)))).toBe("279037");
  });

  it("accept the previous, current and next step only, and say which", async () => {
    const now = new Date("2026-12-05T10:00:10Z");
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(await matchTotpStep(RFC_SECRET, await totpCodeAt(RFC_SECRET, step + offset), now)).toBe(step + offset);
    }
    expect(await matchTotpStep(RFC_SECRET, await totpCodeAt(RFC_SECRET, step - 2), now)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, await totpCodeAt(RFC_SECRET, step + 2), now)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, "12345", now)).toBeNull();
    expect(await matchTotpStep(RFC_SECRET, "abcdef", now)).toBeNull();
  });

  it("give an otpauth URI with the issuer, the account and the secret", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, "admin@demo.jumys.kz"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Jumys");
    expect(decodeURIComponent(uri.pathname)).toContain("admin@demo.jumys.kz");
  });
});

describe("the secret at rest", () => {
  it("is encrypted with a fresh IV each time and decrypts with the same key only", () => {
    const secret = newTotpSecret();
    const a = encryptTotpSecret(secret, KEY);
    const b = encryptTotpSecret(secret, KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(a.length).toBeLessThanOrEqual(200);
    expect(decryptTotpSecret(a, KEY)).toBe(secret);
    expect(() => decryptTotpSecret(a, `${KEY}x`)).toThrow();
  });

  it("refuses a tampered ciphertext or an unknown format", () => {
    const [v, iv, tag, body] = encryptTotpSecret(newTotpSecret(), KEY).split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptTotpSecret([v, iv, tag, flipped.toString("base64url")].join("."), KEY)).toThrow();
    expect(() => decryptTotpSecret("v0.a.b.c", KEY)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes like xxxx-xxxx", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it("are hashed per account, whatever the case, spaces and dashes typed", () => {
    expect(normalizeRecoveryCode(" AB2C-d3eF ")).toBe("ab2cd3ef");
    const hash = hashRecoveryCode(7, "ab2c-d3ef", KEY);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(7, "AB2C D3EF", KEY)).toBe(hash);
    expect(hashRecoveryCode(8, "ab2c-d3ef", KEY)).not.toBe(hash);
    expect(hashRecoveryCode(7, "ab2c-d3ef", `${KEY}x`)).not.toBe(hash);
  });
});
