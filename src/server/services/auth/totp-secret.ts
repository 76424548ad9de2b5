import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

import { generate, generateSecret, generateURI } from "otplib";

// The staff second factor's pure parts: codes, steps, the secret's encryption at rest and the
// recovery codes' hashes. No database and no environment here: the key material is passed in, so
// the end-to-end fixtures can enrol an account exactly as the app does.

export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous, current and next step are accepted (clock drift of the phone). */
export const TOTP_WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ISSUER = "Jumys";

const ENCRYPTION_VERSION = "v1";

/** The 30-second step a moment falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The code of one step. */
export function totpCodeAt(secret: string, step: number): Promise<string> {
  return generate({ secret, epoch: step * TOTP_PERIOD_SECONDS });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The step (within the window around `now`) whose code `code` is, or null. */
export async function matchTotpStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    // Every step is computed and compared: the time taken says nothing about which one matched.
    if (sameText(await totpCodeAt(secret, step), code) && matched === null) matched = step;
  }
  return matched;
}

function encryptionKey(keyMaterial: string): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, "jumys", "staff-totp-secret", 32));
}

/** AES-256-GCM with a key derived from the app's secret: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export function encryptTotpSecret(secret: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(keyMaterial), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [ENCRYPTION_VERSION, iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptTotpSecret(encrypted: string, keyMaterial: string): string {
  const [version, iv, tag, body] = encrypted.split(".");
  if (version !== ENCRYPTION_VERSION || !iv || !tag || !body) throw new Error("unknown TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(keyMaterial), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like `k7m2-x9qa`, shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 8 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** What the person typed, as stored: lower case, without spaces and dashes. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

/** Only a keyed hash of a recovery code is stored. */
export function hashRecoveryCode(userId: number, code: string, keyMaterial: string): string {
  return createHmac("sha256", keyMaterial)
    .update(`staff-recovery:${userId}:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}
