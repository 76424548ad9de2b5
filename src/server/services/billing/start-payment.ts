import { getEnv } from "@/env";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireBillingMember } from "./billing-access";
import type { PaymentStart, ProviderId } from "./providers/payment-provider";
import { getPaymentProviders, type PaymentProviderRegistry } from "./providers/runtime";

export interface StartCardPaymentInput {
  organizationId: number;
  orderId: number;
  provider: ProviderId;
  locale: "ru" | "kk";
  actor: Actor;
}

/** The providers a payer may choose from here. */
export function cardProviders(registry: PaymentProviderRegistry = getPaymentProviders()): readonly ProviderId[] {
  return registry.ids;
}

/**
 * Sends the payer of a card order to the provider: a redirect to its hosted page, or the widget's
 * parameters. The order must be the organisation's, checked out for card payment and still
 * waiting; whoever may buy may pay. With the dev checkout on (development and tests), the payer
 * goes to that page instead, which plays the provider and calls our webhook with a notification
 * signed the provider's way.
 */
export async function startCardPayment(
  input: StartCardPaymentInput,
  registry: PaymentProviderRegistry = getPaymentProviders(),
): Promise<PaymentStart> {
  await requireBillingMember(input.actor, input.organizationId);
  const provider = registry.get(input.provider);
  if (!provider) throw new DomainError("NOT_FOUND", "errors.billing.providerUnavailable", { field: "provider" });
  const order = await db.order.findFirst({
    where: { id: input.orderId, organizationId: input.organizationId },
    select: {
      id: true,
      number: true,
      status: true,
      paymentMethod: true,
      amountTiyn: true,
      expiresAt: true,
      createdBy: { select: { email: true } },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
  if (
    order.status !== "PENDING" ||
    order.paymentMethod !== "CARD" ||
    !order.number ||
    order.amountTiyn === null ||
    (order.expiresAt && order.expiresAt <= new Date())
  )
    throw new DomainError("CONFLICT", "errors.billing.orderNotPayable");

  const env = getEnv();
  const back = (result: "success" | "fail") =>
    new URL(`/${input.locale}/employer/${input.organizationId}/billing/pay/${order.id}?result=${result}`, env.APP_URL).toString();
  if (env.DEV_CHECKOUT_PAGE) {
    const url = new URL(`/${input.locale}/dev/checkout/${order.id}`, env.APP_URL);
    url.searchParams.set("provider", provider.id);
    return { kind: "redirect", url: url.toString(), providerReference: null };
  }
  return provider.createPayment({
    number: order.number,
    amountTiyn: order.amountTiyn,
    currency: "KZT",
    description: input.locale === "kk" ? `Jumys тапсырысы ${order.number}` : `Заказ Jumys ${order.number}`,
    email: order.createdBy?.email,
    locale: input.locale,
    successUrl: back("success"),
    failureUrl: back("fail"),
    notificationUrl: new URL(`/api/webhooks/${provider.id}`, env.APP_URL).toString(),
  });
}
