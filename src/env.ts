import { z } from "zod";

// Treat `VAR=` (empty) like an unset variable: a blank line in a .env file must not pass as a value.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required: the PostgreSQL connection string (postgresql://user:pass@host:5432/db)" })
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// connection string"),
  // A streaming replica for the public read paths (search, public pages, sitemaps); unset, the
  // primary serves them too (src/server/read-routing.ts).
  DATABASE_REPLICA_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// connection string of a streaming replica"),
  ),
  AUTH_SECRET: z
    .string({ error: "is required: a random secret of at least 32 characters (openssl rand -base64 48)" })
    .min(32, "must be at least 32 characters long"),
  APP_URL: z.url("must be an absolute URL such as https://jumys.kz").default("http://localhost:3000"),
  EMAIL_FROM: optional(
    z.string().regex(/^(.+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, "must be an address like Jumys <no-reply@jumys.kz>"),
  ),
  RESEND_API_KEY: optional(z.string().regex(/^re_\w+$/, "must be a Resend API key (starts with re_)")),
  RESEND_BASE_URL: optional(z.url("must be an absolute URL")),
  DEV_OUTBOX_PAGE: optional(flag),
  // A page that plays the payment provider's hosted page (development and tests only).
  DEV_CHECKOUT_PAGE: optional(flag),
  PAGE_CACHE_MB: optional(z.coerce.number({ error: "must be a whole number of megabytes" }).int().min(0).max(65_536)),
  // Bearer token of the scheduled jobs under /api/cron/*; unset, the jobs answer 503 and do nothing.
  CRON_SECRET: optional(z.string().min(32, "must be at least 32 characters long (openssl rand -base64 48)")),
  // A mailbox that handles unsubscribe requests by email: added to the digests' List-Unsubscribe
  // header next to the one-click link. Unset, the header carries the link only.
  DIGEST_UNSUBSCRIBE_MAILTO: optional(z.email("must be an email address such as unsubscribe@jumys.kz")),
  // Reverse proxies in front of the app that append to X-Forwarded-For (load balancer, CDN):
  // 0 = none, the client is the TCP peer; N = the client is the Nth address from the right.
  TRUSTED_PROXY_COUNT: optional(z.coerce.number({ error: "must be a whole number" }).int().min(0).max(10)),
});

export type Env = Omit<
  z.infer<typeof schema>,
  "EMAIL_FROM" | "DEV_OUTBOX_PAGE" | "DEV_CHECKOUT_PAGE" | "PAGE_CACHE_MB" | "TRUSTED_PROXY_COUNT"
> & {
  /** Reverse proxies in front of the app; 0 when it faces clients directly. */
  TRUSTED_PROXY_COUNT: number;
  EMAIL_FROM: string;
  /** Size of each server's in-memory cache of rendered pages. */
  PAGE_CACHE_MB: number;
  /** Outbox page at /[locale]/dev/outbox; on by default outside production. */
  DEV_OUTBOX_PAGE: boolean;
  /** Dev checkout at /[locale]/dev/checkout/{order}: card payments go there instead of the provider. */
  DEV_CHECKOUT_PAGE: boolean;
  MAIL_TRANSPORT: "resend" | "outbox";
};

/**
 * Next.js keeps 50 MB of rendered pages in memory by default, about 270 vacancy pages (it counts
 * the HTML plus the page data serialised as JSON, ~185 KB each); a page outside it is read back
 * from several files per request, which cut the vacancy page's throughput by half.
 */
export const DEFAULT_PAGE_CACHE_MB = 512;

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  const e = result.data;
  return {
    ...e,
    EMAIL_FROM: e.EMAIL_FROM ?? "Jumys <no-reply@jumys.kz>",
    DEV_OUTBOX_PAGE: e.DEV_OUTBOX_PAGE ?? e.NODE_ENV !== "production",
    DEV_CHECKOUT_PAGE: e.DEV_CHECKOUT_PAGE ?? e.NODE_ENV !== "production",
    PAGE_CACHE_MB: e.PAGE_CACHE_MB ?? DEFAULT_PAGE_CACHE_MB,
    TRUSTED_PROXY_COUNT: e.TRUSTED_PROXY_COUNT ?? 0,
    MAIL_TRANSPORT: e.RESEND_API_KEY ? "resend" : "outbox",
  };
}

let cached: Env | undefined;

/** The validated configuration, read once from process.env on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forgets the configuration read by getEnv(), so that tests can change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
