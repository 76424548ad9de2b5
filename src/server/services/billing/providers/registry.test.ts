import { describe, expect, it } from "vitest";

import { createPaymentProviders, PaymentConfigError, providerConfigFromEnv } from "./registry";

const full = {
  CLOUDPAYMENTS_PUBLIC_ID: "pk_0123456789abcdef",
  CLOUDPAYMENTS_API_SECRET: "0123456789abcdef0123456789abcdef",
  FREEDOMPAY_MERCHANT_ID: "545774",
  FREEDOMPAY_SECRET_KEY: "B73EGLkDTTKuMiag",
  STRIPE_SECRET_KEY: "sk_test_51Jumys",
  STRIPE_WEBHOOK_SECRET: "whsec_Jumys123",
};

const issues = (env: Record<string, string | undefined>) => {
  try {
    providerConfigFromEnv(env);
  } catch (error) {
    if (error instanceof PaymentConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a PaymentConfigError");
};

describe("providerConfigFromEnv", () => {
  it("configures nothing when nothing is set, blank values included", () => {
    expect(providerConfigFromEnv({})).toEqual({ cloudpayments: null, freedompay: null, stripe: null });
    expect(providerConfigFromEnv({ STRIPE_SECRET_KEY: " ", STRIPE_WEBHOOK_SECRET: "" })).toEqual({
      cloudpayments: null,
      freedompay: null,
      stripe: null,
    });
  });

  it("reads every provider's pair", () => {
    expect(providerConfigFromEnv({ ...full, UNRELATED: "x" })).toEqual({
      cloudpayments: { publicId: "pk_0123456789abcdef", apiSecret: "0123456789abcdef0123456789abcdef" },
      freedompay: { merchantId: "545774", secretKey: "B73EGLkDTTKuMiag" },
      stripe: { secretKey: "sk_test_51Jumys", webhookSecret: "whsec_Jumys123" },
    });
  });

  it("takes another address for the payment widget's script, https only", () => {
    expect(
      providerConfigFromEnv({ ...full, CLOUDPAYMENTS_WIDGET_URL: "https://widget.cloudpayments.ru/bundles/cloudpayments.js" })
        .cloudpayments,
    ).toEqual({
      publicId: "pk_0123456789abcdef",
      apiSecret: "0123456789abcdef0123456789abcdef",
      widgetScriptUrl: "https://widget.cloudpayments.ru/bundles/cloudpayments.js",
    });
    expect(issues({ ...full, CLOUDPAYMENTS_WIDGET_URL: "http://widget.example/w.js" })).toEqual([
      "CLOUDPAYMENTS_WIDGET_URL must be the https address of the payment widget's script",
    ]);
  });

  it("refuses half a provider", () => {
    expect(issues({ STRIPE_SECRET_KEY: full.STRIPE_SECRET_KEY })).toEqual([
      "STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set",
    ]);
    expect(issues({ FREEDOMPAY_SECRET_KEY: full.FREEDOMPAY_SECRET_KEY })).toEqual([
      "FREEDOMPAY_MERCHANT_ID is required when FREEDOMPAY_SECRET_KEY is set",
    ]);
  });

  it("refuses values of the wrong form", () => {
    expect(issues({ ...full, STRIPE_SECRET_KEY: "pk_test_51Jumys" })).toEqual([
      "STRIPE_SECRET_KEY must be a secret key (sk_…) or restricted key (rk_…)",
    ]);
    expect(issues({ ...full, STRIPE_WEBHOOK_SECRET: "secret" })).toEqual([
      "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)",
    ]);
    expect(issues({ ...full, FREEDOMPAY_MERCHANT_ID: "m-1" })).toEqual([
      "FREEDOMPAY_MERCHANT_ID must be the numeric merchant id",
    ]);
    expect(issues({ ...full, CLOUDPAYMENTS_API_SECRET: "short" })).toEqual([
      "CLOUDPAYMENTS_API_SECRET must be the API secret from the merchant cabinet",
    ]);
  });
});

describe("createPaymentProviders", () => {
  const transport = async () => ({ status: 200, body: "" });

  it("offers only the configured providers", () => {
    const registry = createPaymentProviders({ ...providerConfigFromEnv(full), freedompay: null }, { transport });
    expect(registry.ids).toEqual(["cloudpayments", "stripe"]);
    expect(registry.get("cloudpayments")?.id).toBe("cloudpayments");
    expect(registry.get("stripe")?.id).toBe("stripe");
    expect(registry.get("freedompay")).toBeNull();
  });

  it("offers none without configuration", () => {
    expect(createPaymentProviders(providerConfigFromEnv({}), { transport }).ids).toEqual([]);
  });
});
