import { PaymentMethod } from "@/generated/prisma/enums";
import { almatyYear } from "@/lib/almaty-time";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireBillingMember } from "./billing-access";
import { assertViewPacksAllowed, loadSellableProduct } from "./cart-rules";
import { nextDocumentNumber } from "./document-numbers";
import { issueInvoice } from "./issue-documents";
import { lockCart } from "./lock-cart";
import { orderTotals, priceLine } from "./money";
import { transitionOrder } from "./order-transitions";
import { settleOrderFromBalance } from "./pay-from-balance";
import { pricesInForce } from "./tariffs";
import { BILLING_TRANSACTION } from "./transaction-options";

const HOUR_MS = 3_600_000;

/** How long a checked-out order waits for its money before it expires (the job marks it). */
export const PAYMENT_WINDOW_MS: Readonly<Record<Exclude<PaymentMethod, "BALANCE">, number>> = {
  CARD: 24 * HOUR_MS,
  INVOICE: 10 * 24 * HOUR_MS,
};

export interface CheckoutInput {
  organizationId: number;
  method: PaymentMethod;
  actor: Actor;
  now?: Date;
}

export interface CheckoutResult {
  orderId: number;
  number: string;
  status: "PENDING" | "ACTIVATED";
  method: PaymentMethod;
  amountTiyn: bigint;
  vatTiyn: bigint;
  /** When an unpaid order expires; null when it was paid at once from the balance. */
  expiresAt: Date | null;
  invoiceNumber: string | null;
  actNumber: string | null;
  balanceAfterTiyn: bigint | null;
}

/**
 * Turns the cart into an order. Every line is checked again and priced at the version in force
 * now; those prices, the VAT and the totals are frozen on the order, so a later price change does
 * not touch it. CARD waits 24 hours for the provider, INVOICE 10 days for a bank transfer (and
 * gets its invoice now); BALANCE pays from the prepaid balance and activates in the same
 * transaction, or fails and leaves the cart as it was.
 */
export async function checkout(input: CheckoutInput): Promise<CheckoutResult> {
  if (!Object.values(PaymentMethod).includes(input.method))
    throw new DomainError("VALIDATION", "errors.billing.methodInvalid", { field: "method" });
  const membership = await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();

  return db.$transaction(async (tx) => {
    const cartId = await lockCart(tx, input.organizationId, { create: false });
    const lines =
      cartId === null
        ? []
        : await tx.orderLine.findMany({
            where: { orderId: cartId },
            orderBy: { id: "asc" },
            select: { id: true, productId: true, quantity: true, product: { select: { kind: true, units: true } } },
          });
    if (cartId === null || lines.length === 0) throw new DomainError("CONFLICT", "errors.billing.cartEmpty");

    for (const line of lines) await loadSellableProduct(tx, { id: line.productId }, membership.organization.type);
    await assertViewPacksAllowed(tx, {
      organizationId: input.organizationId,
      cartOrderId: cartId,
      lines: lines.map((l) => ({ kind: l.product.kind, units: l.product.units, quantity: l.quantity })),
      now,
    });

    const prices = await pricesInForce(tx, [...new Set(lines.map((l) => l.productId))], now);
    const priced = lines.map((line) => {
      const price = prices.get(line.productId);
      if (!price) throw new DomainError("CONFLICT", "errors.billing.noPrice");
      return { line, price, ...priceLine(price.priceTiyn, line.quantity, price.vatRate) };
    });
    for (const { line, price, unitPriceTiyn, vatRate, amountTiyn, vatTiyn } of priced) {
      await tx.orderLine.update({
        where: { id: line.id },
        data: { productPriceId: price.id, unitPriceTiyn, vatRate, amountTiyn, vatTiyn },
      });
    }
    const totals = orderTotals(priced);

    const { number } = await nextDocumentNumber(tx, "ORDER", almatyYear(now));
    const expiresAt = input.method === "BALANCE" ? null : new Date(now.getTime() + PAYMENT_WINDOW_MS[input.method]);
    await transitionOrder(tx, cartId, "CART", "PENDING", now, {
      number,
      paymentMethod: input.method,
      amountTiyn: totals.amountTiyn,
      vatTiyn: totals.vatTiyn,
      checkedOutAt: now,
      expiresAt,
    });
    const invoice =
      input.method === "INVOICE" ? await issueInvoice(tx, { id: cartId, organizationId: input.organizationId }, now) : null;
    await audit(
      tx,
      input.actor,
      "billing.order.checkout",
      { type: "order", id: cartId },
      {
        data: {
          number,
          method: input.method,
          amountTiyn: totals.amountTiyn.toString(),
          vatTiyn: totals.vatTiyn.toString(),
          invoice: invoice?.number ?? null,
        },
      },
    );

    const result: CheckoutResult = {
      orderId: cartId,
      number,
      status: "PENDING",
      method: input.method,
      ...totals,
      expiresAt,
      invoiceNumber: invoice?.number ?? null,
      actNumber: null,
      balanceAfterTiyn: null,
    };
    if (input.method !== "BALANCE") return result;
    const settled = await settleOrderFromBalance(
      tx,
      { id: cartId, organizationId: input.organizationId, amountTiyn: totals.amountTiyn },
      now,
      input.actor,
    );
    return { ...result, status: "ACTIVATED", actNumber: settled.actNumber, balanceAfterTiyn: settled.balanceAfterTiyn };
  }, BILLING_TRANSACTION);
}
