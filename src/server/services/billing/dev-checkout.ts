import { getEnv } from "@/env";
import { db } from "@/server/db";

import { providerConfigFromEnv } from "./providers/config";
import { signCloudPaymentsTestNotification } from "./providers/cloudpayments";
import { signFreedomPayTestNotification } from "./providers/freedompay";
import type { ProviderId, SignedNotification } from "./providers/payment-provider";
import { signStripeTestNotification } from "./providers/stripe";

// The dev checkout (DEV_CHECKOUT_PAGE, never in production): a page that plays the provider's
// hosted payment page and then calls our own webhook over HTTP with a notification signed the
// provider's way with the configured secret, so the real verification and exactly-once path runs.

export class DevCheckoutDisabledError extends Error {
  constructor() {
    super("the dev checkout is off (DEV_CHECKOUT_PAGE)");
    this.name = "DevCheckoutDisabledError";
  }
}

function assertEnabled() {
  if (!getEnv().DEV_CHECKOUT_PAGE) throw new DevCheckoutDisabledError();
}

/** The order as the provider's page would show it, or null. */
export async function devCheckoutOrder(orderId: number) {
  assertEnabled();
  return db.order.findFirst({
    where: { id: orderId, status: { not: "CART" } },
    select: { id: true, number: true, status: true, amountTiyn: true, organizationId: true, paymentMethod: true },
  });
}

/** The notifications the provider would send for a payment that went through, or was declined. */
function notificationsFor(
  provider: ProviderId,
  order: { number: string; amountTiyn: bigint },
  outcome: "paid" | "failed",
  now: Date,
): SignedNotification[] {
  const config = providerConfigFromEnv(process.env);
  const notificationUrl = new URL(`/api/webhooks/${provider}`, getEnv().APP_URL).toString();
  const base = { orderNumber: order.number, amountTiyn: order.amountTiyn, notificationUrl, now };
  const providerPaymentId = String(Date.now());
  switch (provider) {
    case "cloudpayments": {
      if (!config.cloudpayments) return [];
      return [
        signCloudPaymentsTestNotification(config.cloudpayments, { ...base, kind: "check", providerPaymentId }),
        signCloudPaymentsTestNotification(config.cloudpayments, { ...base, kind: outcome, providerPaymentId }),
      ];
    }
    case "freedompay": {
      if (!config.freedompay) return [];
      return [
        signFreedomPayTestNotification(config.freedompay, { ...base, kind: "check", providerPaymentId }),
        signFreedomPayTestNotification(config.freedompay, { ...base, kind: outcome, providerPaymentId }),
      ];
    }
    case "stripe":
      return config.stripe ? [signStripeTestNotification(config.stripe, { ...base, kind: outcome })] : [];
  }
}

/**
 * Plays the provider: delivers its notifications for the order to our webhook and says whether
 * every one was answered as accepted (a Check can refuse, e.g. an expired order).
 */
export async function playProviderPayment(
  orderId: number,
  provider: ProviderId,
  outcome: "paid" | "failed",
): Promise<{ accepted: boolean }> {
  const order = await devCheckoutOrder(orderId);
  if (!order?.number || order.amountTiyn === null) return { accepted: false };
  for (const notification of notificationsFor(
    provider,
    { number: order.number, amountTiyn: order.amountTiyn },
    outcome,
    new Date(),
  )) {
    const response = await fetch(notification.url, {
      method: notification.method,
      headers: notification.headers,
      body: notification.rawBody,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const refused = !response.ok || /"code":\s*[1-9]/.test(text) || /<pg_status>rejected</.test(text);
    if (refused) return { accepted: false };
  }
  return { accepted: outcome === "paid" };
}
