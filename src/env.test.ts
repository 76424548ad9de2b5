import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/jumys",
  AUTH_SECRET: "x".repeat(40),
};

function issuesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof EnvError) return e.issues;
    throw e;
  }
  return [];
}

describe("parseEnv", () => {
  it("accepts a minimal configuration and fills the defaults", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.EMAIL_FROM).toBe("Jumys <no-reply@jumys.kz>");
    expect(env.MAIL_TRANSPORT).toBe("outbox");
    expect(env.DEV_OUTBOX_PAGE).toBe(true);
    expect(env.PAGE_CACHE_MB).toBe(512);
  });

  it("reads the page cache size in whole megabytes", () => {
    expect(parseEnv({ ...valid, PAGE_CACHE_MB: "0" }).PAGE_CACHE_MB).toBe(0);
    expect(parseEnv({ ...valid, PAGE_CACHE_MB: "2048" }).PAGE_CACHE_MB).toBe(2048);
    for (const bad of ["-1", "1.5", "lots", "100000"]) {
      expect(issuesOf({ ...valid, PAGE_CACHE_MB: bad }).map((i) => i.split(" ")[0])).toEqual(["PAGE_CACHE_MB"]);
    }
  });

  it("names a missing variable", () => {
    const issues = issuesOf({ AUTH_SECRET: valid.AUTH_SECRET });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^DATABASE_URL is required/);
  });

  it("names every malformed variable", () => {
    const issues = issuesOf({
      DATABASE_URL: "mysql://localhost/jumys",
      AUTH_SECRET: "short",
      APP_URL: "not a url",
      RESEND_API_KEY: "sk_live_123",
      DEV_OUTBOX_PAGE: "yes",
    });
    expect(issues.map((i) => i.split(" ")[0]).sort()).toEqual([
      "APP_URL",
      "AUTH_SECRET",
      "DATABASE_URL",
      "DEV_OUTBOX_PAGE",
      "RESEND_API_KEY",
    ]);
    expect(issues.join("\n")).toContain("AUTH_SECRET must be at least 32 characters long");
  });

  it("accepts a cron secret of at least 32 characters and leaves it unset otherwise", () => {
    expect(parseEnv(valid).CRON_SECRET).toBeUndefined();
    expect(parseEnv({ ...valid, CRON_SECRET: "" }).CRON_SECRET).toBeUndefined();
    expect(parseEnv({ ...valid, CRON_SECRET: "c".repeat(32) }).CRON_SECRET).toBe("c".repeat(32));
    const issues = issuesOf({ ...valid, CRON_SECRET: "too-short" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^CRON_SECRET must be at least 32 characters long/);
  });

  it("accepts a mailbox for unsubscribe requests and leaves it unset otherwise", () => {
    expect(parseEnv(valid).DIGEST_UNSUBSCRIBE_MAILTO).toBeUndefined();
    expect(parseEnv({ ...valid, DIGEST_UNSUBSCRIBE_MAILTO: " " }).DIGEST_UNSUBSCRIBE_MAILTO).toBeUndefined();
    expect(parseEnv({ ...valid, DIGEST_UNSUBSCRIBE_MAILTO: "unsubscribe@jumys.kz" }).DIGEST_UNSUBSCRIBE_MAILTO).toBe(
      "unsubscribe@jumys.kz",
    );
    expect(issuesOf({ ...valid, DIGEST_UNSUBSCRIBE_MAILTO: "Jumys <unsubscribe@jumys.kz>" })[0]).toMatch(
      /^DIGEST_UNSUBSCRIBE_MAILTO must be an email address/,
    );
  });

  it("treats empty values as unset", () => {
    const env = parseEnv({ ...valid, RESEND_API_KEY: "", EMAIL_FROM: " " });
    expect(env.MAIL_TRANSPORT).toBe("outbox");
    expect(env.EMAIL_FROM).toBe("Jumys <no-reply@jumys.kz>");
  });

  it("switches to Resend when a key is set and hides the outbox page in production", () => {
    const env = parseEnv({ ...valid, NODE_ENV: "production", RESEND_API_KEY: "re_abc123" });
    expect(env.MAIL_TRANSPORT).toBe("resend");
    expect(env.DEV_OUTBOX_PAGE).toBe(false);
  });
});
