import { afterEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";

import { createBuyer } from "../../../../test/support/factories";

import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import type { ProviderHttpRequest } from "./providers/payment-provider";
import { createPaymentProviders } from "./providers/registry";
import { startCardPayment } from "./start-payment";

const sent: ProviderHttpRequest[] = [];
// Freedom Pay's init_payment answer, as its API gives it.
const registry = createPaymentProviders(
  { cloudpayments: null, stripe: null, freedompay: { merchantId: "556677", secretKey: "fp-test-secret-0123456789" } },
  {
    transport: async (request) => {
      sent.push(request);
      return {
        status: 200,
        body: "<response><pg_status>ok</pg_status><pg_payment_id>4983</pg_payment_id><pg_redirect_url>https://api.freedompay.kz/pay.html?customer=4983</pg_redirect_url></response>",
      };
    },
  },
);

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
  sent.length = 0;
});

async function order(method: "CARD" | "INVOICE") {
  const buyer = await createBuyer();
  await addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.standard", quantity: 2, actor: buyer.owner });
  const placed = await checkout({ organizationId: buyer.organizationId, method, actor: buyer.owner });
  return { buyer, placed };
}

describe("starting a card payment", () => {
  it("sends the payer to the provider's page with the order's number, amount and our URLs", async () => {
    vi.stubEnv("DEV_CHECKOUT_PAGE", "false");
    resetEnvForTests();
    const { buyer, placed } = await order("CARD");
    const start = await startCardPayment(
      {
        organizationId: buyer.organizationId,
        orderId: placed.orderId,
        provider: "freedompay",
        locale: "kk",
        actor: buyer.manager,
      },
      registry,
    );
    expect(start).toEqual({
      kind: "redirect",
      url: "https://api.freedompay.kz/pay.html?customer=4983",
      providerReference: "4983",
    });
    expect(sent).toHaveLength(1);
    const fields = new URLSearchParams(sent[0]!.body);
    expect(fields.get("pg_order_id")).toBe(placed.number);
    expect(fields.get("pg_amount")).toBe((Number(placed.amountTiyn) / 100).toFixed(2));
    expect(fields.get("pg_result_url")).toBe("http://localhost:3000/api/webhooks/freedompay");
    expect(fields.get("pg_success_url")).toBe(
      `http://localhost:3000/kk/employer/${buyer.organizationId}/billing/pay/${placed.orderId}?result=success`,
    );
  });

  it("goes to the dev checkout instead when it is on, without calling the provider", async () => {
    vi.stubEnv("DEV_CHECKOUT_PAGE", "true");
    resetEnvForTests();
    const { buyer, placed } = await order("CARD");
    const start = await startCardPayment(
      { organizationId: buyer.organizationId, orderId: placed.orderId, provider: "freedompay", locale: "ru", actor: buyer.owner },
      registry,
    );
    expect(start).toEqual({
      kind: "redirect",
      url: `http://localhost:3000/ru/dev/checkout/${placed.orderId}?provider=freedompay`,
      providerReference: null,
    });
    expect(sent).toHaveLength(0);
  });

  it("refuses an observer, another organisation's order, an invoice order and an unconfigured provider", async () => {
    const { buyer, placed } = await order("CARD");
    const other = await createBuyer();
    const base = { orderId: placed.orderId, provider: "freedompay" as const, locale: "ru" as const };
    await expect(
      startCardPayment({ ...base, organizationId: buyer.organizationId, actor: buyer.observer }, registry),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      startCardPayment({ ...base, organizationId: other.organizationId, actor: other.owner }, registry),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.billing.orderNotFound" });
    const invoice = await order("INVOICE");
    await expect(
      startCardPayment(
        { ...base, orderId: invoice.placed.orderId, organizationId: invoice.buyer.organizationId, actor: invoice.buyer.owner },
        registry,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.billing.orderNotPayable" });
    await expect(
      startCardPayment({ ...base, provider: "stripe", organizationId: buyer.organizationId, actor: buyer.owner }, registry),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.billing.providerUnavailable" });
    expect(sent).toHaveLength(0);
  });
});
