import { afterEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";

import { authorizeCron, bearerToken, secretsMatch } from "./authorize";

const SECRET = "cron-secret-cron-secret-cron-secret-0123";

function request(authorization?: string) {
  return new Request("http://localhost:3000/api/cron/vacancies", {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
}

describe("secretsMatch", () => {
  it("accepts only the identical string", () => {
    expect(secretsMatch(SECRET, SECRET)).toBe(true);
    expect(secretsMatch(`${SECRET.slice(0, -1)}4`, SECRET)).toBe(false);
    expect(secretsMatch(SECRET.toUpperCase(), SECRET)).toBe(false);
  });

  it("compares strings of different lengths without throwing", () => {
    expect(secretsMatch("", SECRET)).toBe(false);
    expect(secretsMatch(SECRET.slice(0, 10), SECRET)).toBe(false);
    expect(secretsMatch(`${SECRET}${SECRET}`, SECRET)).toBe(false);
    expect(secretsMatch("ключ-ключ", "ключ")).toBe(false);
  });
});

describe("bearerToken", () => {
  it("reads the token of a Bearer header, whatever the scheme's case", () => {
    expect(bearerToken(`Bearer ${SECRET}`)).toBe(SECRET);
    expect(bearerToken(`bearer  ${SECRET} `)).toBe(SECRET);
  });

  it("rejects a missing or malformed header", () => {
    for (const header of [null, "", "Bearer", "Bearer ", `Basic ${SECRET}`, `Bearer a b`, SECRET]) {
      expect(bearerToken(header)).toBeNull();
    }
  });
});

describe("authorizeCron", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetEnvForTests();
  });

  function withSecret(secret: string | undefined) {
    vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/jumys");
    vi.stubEnv("CRON_SECRET", secret);
    resetEnvForTests();
  }

  it("lets the right secret through", () => {
    withSecret(SECRET);
    expect(authorizeCron(request(`Bearer ${SECRET}`))).toBeNull();
  });

  it("answers 401 without a Bearer header and 403 with a wrong secret", async () => {
    withSecret(SECRET);
    const missing = authorizeCron(request());
    expect(missing?.status).toBe(401);
    expect(missing?.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await missing?.json()).toMatchObject({ ok: false });
    expect(authorizeCron(request(`Basic ${SECRET}`))?.status).toBe(401);
    expect(authorizeCron(request("Bearer wrong"))?.status).toBe(403);
  });

  it("answers 503 while no secret is configured, even to a request that sends one", () => {
    withSecret(undefined);
    expect(authorizeCron(request(`Bearer ${SECRET}`))?.status).toBe(503);
    expect(authorizeCron(request())?.status).toBe(503);
  });
});
