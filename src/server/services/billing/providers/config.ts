import { z } from "zod";

import type { CloudPaymentsConfig } from "./cloudpayments";
import type { FreedomPayConfig } from "./freedompay";
import type { StripeConfig } from "./stripe";

// Read by next.config.ts at start (a half-configured provider stops it): no provider SDK here.

/** The providers this deployment takes payments with: null is "not configured", not an error. */
export interface PaymentProvidersConfig {
  cloudpayments: CloudPaymentsConfig | null;
  freedompay: FreedomPayConfig | null;
  stripe: StripeConfig | null;
}

export class PaymentConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid payment configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "PaymentConfigError";
  }
}

// `VAR=` in a .env file is unset, as in src/env.ts.
const value = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());

const schema = z
  .object({
    CLOUDPAYMENTS_PUBLIC_ID: value.pipe(z.string().regex(/^\S+$/, "must be the Public ID from the merchant cabinet").optional()),
    CLOUDPAYMENTS_API_SECRET: value.pipe(
      z
        .string()
        .regex(/^\S{8,}$/, "must be the API secret from the merchant cabinet")
        .optional(),
    ),
    CLOUDPAYMENTS_WIDGET_URL: value.pipe(
      z.url({ protocol: /^https$/, error: "must be the https address of the payment widget's script" }).optional(),
    ),
    FREEDOMPAY_MERCHANT_ID: value.pipe(z.string().regex(/^\d+$/, "must be the numeric merchant id").optional()),
    FREEDOMPAY_SECRET_KEY: value.pipe(
      z
        .string()
        .regex(/^\S{8,}$/, "must be the store's secret key for payments")
        .optional(),
    ),
    STRIPE_SECRET_KEY: value.pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a secret key (sk_…) or restricted key (rk_…)")
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: value.pipe(
      z
        .string()
        .regex(/^whsec_\w+$/, "must be a webhook signing secret (whsec_…)")
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // Half a provider is a typo, not a choice: refuse it rather than quietly disabling the provider.
    const pairs = [
      ["CLOUDPAYMENTS_PUBLIC_ID", "CLOUDPAYMENTS_API_SECRET"],
      ["FREEDOMPAY_MERCHANT_ID", "FREEDOMPAY_SECRET_KEY"],
      ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    ] as const;
    for (const [a, b] of pairs) {
      if ((env[a] === undefined) === (env[b] === undefined)) continue;
      const missing = env[a] === undefined ? a : b;
      ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${missing === a ? b : a} is set` });
    }
  });

/** The payment providers' settings out of environment variables; a pair left unset disables that provider. */
export function providerConfigFromEnv(env: Record<string, string | undefined>): PaymentProvidersConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new PaymentConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const e = result.data;
  return {
    cloudpayments:
      e.CLOUDPAYMENTS_PUBLIC_ID && e.CLOUDPAYMENTS_API_SECRET
        ? {
            publicId: e.CLOUDPAYMENTS_PUBLIC_ID,
            apiSecret: e.CLOUDPAYMENTS_API_SECRET,
            ...(e.CLOUDPAYMENTS_WIDGET_URL ? { widgetScriptUrl: e.CLOUDPAYMENTS_WIDGET_URL } : {}),
          }
        : null,
    freedompay:
      e.FREEDOMPAY_MERCHANT_ID && e.FREEDOMPAY_SECRET_KEY
        ? { merchantId: e.FREEDOMPAY_MERCHANT_ID, secretKey: e.FREEDOMPAY_SECRET_KEY }
        : null,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }
        : null,
  };
}
