import type { OrderStatus, PaymentMethod, PaymentProvider, PaymentStatus } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import { almatyDaySqlText } from "@/lib/almaty-time";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireFinance } from "./billing-access";
import { balanceOf, listLedgerEntries } from "./ledger-queries";
import { recordPayment } from "./record-payment";

// What the finance console reads and the one write it adds (a bank transfer against an invoice).
// Every function checks the caller is finance staff or a superadmin, on every call.

export const FINANCE_PAGE_SIZE = 50;

function dateRange(from?: Date, to?: Date): { gte?: Date; lt?: Date } | undefined {
  if (from && to && from > to) throw new DomainError("VALIDATION", "errors.billing.dateRangeInvalid");
  if (!from && !to) return undefined;
  return { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
}

export interface OrderFilter {
  status?: OrderStatus;
  method?: PaymentMethod;
  organizationId?: number;
  from?: Date;
  to?: Date;
  /** Part of the order's number. */
  number?: string;
  page?: number;
}

/** Checked-out orders (never carts), newest first, a page at a time. */
export async function listOrders(actor: Actor, filter: OrderFilter) {
  await requireFinance(actor);
  const page = filter.page ?? 1;
  const where: Prisma.OrderWhereInput = {
    status: filter.status ?? { not: "CART" },
    ...(filter.method ? { paymentMethod: filter.method } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.number?.trim() ? { number: { contains: filter.number.trim(), mode: "insensitive" } } : {}),
  };
  const checkedOutAt = dateRange(filter.from, filter.to);
  if (checkedOutAt) where.checkedOutAt = checkedOutAt;
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * FINANCE_PAGE_SIZE,
      take: FINANCE_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        paymentMethod: true,
        amountTiyn: true,
        vatTiyn: true,
        checkedOutAt: true,
        activatedAt: true,
        organization: { select: { id: true, displayName: true } },
      },
    }),
  ]);
  return { orders, total, page, pages: Math.max(1, Math.ceil(total / FINANCE_PAGE_SIZE)) };
}

/** One order with everything finance needs to judge it, the providers' raw notifications included. */
export async function getOrder(actor: Actor, orderId: number) {
  await requireFinance(actor);
  const order = await db.order.findFirst({
    where: { id: orderId, status: { not: "CART" } },
    select: {
      id: true,
      number: true,
      status: true,
      paymentMethod: true,
      currency: true,
      amountTiyn: true,
      vatTiyn: true,
      checkedOutAt: true,
      expiresAt: true,
      paidAt: true,
      activatedAt: true,
      cancelledAt: true,
      expiredAt: true,
      organization: { select: { id: true, displayName: true, legalName: true } },
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          quantity: true,
          unitPriceTiyn: true,
          vatRate: true,
          amountTiyn: true,
          vatTiyn: true,
          product: { select: { code: true, nameRu: true, nameKk: true } },
        },
      },
      payments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          provider: true,
          providerPaymentId: true,
          amountTiyn: true,
          status: true,
          outcome: true,
          creditReason: true,
          paidAt: true,
          bankReference: true,
          refunds: { orderBy: { id: "asc" }, select: { id: true, amountTiyn: true, status: true, reference: true } },
          notifications: {
            orderBy: { id: "asc" },
            select: {
              id: true,
              provider: true,
              eventKey: true,
              body: true,
              verified: true,
              verificationError: true,
              result: true,
              flaggedForFinance: true,
              flagReason: true,
              receivedAt: true,
            },
          },
        },
      },
      invoice: { select: { id: true, number: true } },
      act: { select: { id: true, number: true } },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
  return order;
}

export interface PaymentFilter {
  provider?: PaymentProvider;
  status?: PaymentStatus;
  from?: Date;
  to?: Date;
  page?: number;
}

/**
 * Payments, the ones that need a look first: a payment that could not activate its order was
 * credited to the balance instead (CREDITED: wrong amount, a late or cancelled order), always
 * flagged; then newest first.
 */
export async function listPayments(actor: Actor, filter: PaymentFilter) {
  await requireFinance(actor);
  const page = filter.page ?? 1;
  const where: Prisma.PaymentWhereInput = {
    ...(filter.provider ? { provider: filter.provider } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const paidAt = dateRange(filter.from, filter.to);
  if (paidAt) where.paidAt = paidAt;
  const [total, payments] = await Promise.all([
    db.payment.count({ where }),
    db.payment.findMany({
      where,
      // PaymentOutcome is declared ACTIVATED, CREDITED: descending puts the credited ones first.
      orderBy: [{ outcome: "desc" }, { id: "desc" }],
      skip: (page - 1) * FINANCE_PAGE_SIZE,
      take: FINANCE_PAGE_SIZE,
      select: {
        id: true,
        provider: true,
        providerPaymentId: true,
        amountTiyn: true,
        status: true,
        outcome: true,
        creditReason: true,
        paidAt: true,
        bankReference: true,
        order: { select: { id: true, number: true } },
        organization: { select: { id: true, displayName: true } },
      },
    }),
  ]);
  return { payments, total, page, pages: Math.max(1, Math.ceil(total / FINANCE_PAGE_SIZE)) };
}

/** An organisation's balance, its ledger (a page) and its refunds. */
export async function organizationBilling(actor: Actor, input: { organizationId: number; beforeId?: number }) {
  await requireFinance(actor);
  const organization = await db.organization.findUnique({
    where: { id: input.organizationId },
    select: { id: true, displayName: true, legalName: true },
  });
  if (!organization) throw new DomainError("NOT_FOUND", "errors.notFound");
  const [balanceTiyn, ledger, refunds, cardPayments] = await Promise.all([
    balanceOf(input.organizationId),
    listLedgerEntries({ organizationId: input.organizationId, beforeId: input.beforeId }),
    db.refund.findMany({
      where: { organizationId: input.organizationId },
      orderBy: { id: "desc" },
      take: 50,
      select: {
        id: true,
        amountTiyn: true,
        status: true,
        reason: true,
        reference: true,
        paymentId: true,
        createdAt: true,
        settledAt: true,
      },
    }),
    db.payment.findMany({
      where: { organizationId: input.organizationId, provider: { not: "BANK_TRANSFER" }, status: { not: "REFUNDED" } },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, provider: true, amountTiyn: true, paidAt: true },
    }),
  ]);
  return { organization, balanceTiyn, ledger, refunds, cardPayments };
}

export interface MarkPaidInput {
  orderId: number;
  amountTiyn: bigint;
  paidAt: Date;
  bankReference: string;
  actor: Actor;
  now?: Date;
}

const REJECTION_MESSAGES = {
  ORDER_NOT_FOUND: ["NOT_FOUND", "errors.billing.orderNotFound"],
  ORDER_NOT_CHECKED_OUT: ["CONFLICT", "errors.billing.orderNotPending"],
  AMOUNT_MISMATCH: ["CONFLICT", "errors.billing.amountMismatch"],
  CURRENCY_MISMATCH: ["CONFLICT", "errors.billing.amountMismatch"],
} as const;

/**
 * A bank transfer against an invoice, recorded by finance: the same recordPayment as a card
 * payment, so the order is activated the same way (or, when it can no longer be, the money goes to
 * the balance). The transfer must be of the invoice's amount: anything else is refused here,
 * nothing written, and finance corrects it with an adjustment instead.
 */
export async function markInvoicePaid(input: MarkPaidInput) {
  const actor = await requireFinance(input.actor);
  const now = input.now ?? new Date();
  if (input.amountTiyn <= 0n) throw new DomainError("VALIDATION", "errors.billing.amountInvalid", { field: "amountTiyn" });
  const reference = input.bankReference.trim();
  if (!reference) throw new DomainError("VALIDATION", "errors.billing.bankReferenceRequired", { field: "bankReference" });
  if (Number.isNaN(input.paidAt.getTime()) || input.paidAt > now)
    throw new DomainError("VALIDATION", "errors.billing.paidAtInvalid", { field: "paidAt" });
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { paymentMethod: true, amountTiyn: true, currency: true },
  });
  if (!order) throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
  if (order.paymentMethod !== "INVOICE") throw new DomainError("CONFLICT", "errors.billing.orderNotInvoice");
  if (order.amountTiyn !== input.amountTiyn)
    throw new DomainError("CONFLICT", "errors.billing.amountMismatch", { field: "amountTiyn" });
  const result = await recordPayment({
    orderId: input.orderId,
    provider: "BANK_TRANSFER",
    providerPaymentId: reference,
    amountTiyn: input.amountTiyn,
    currency: order.currency,
    paidAt: input.paidAt,
    bankReference: reference,
    actor,
    now,
  });
  if (result.outcome === "REJECTED") {
    const [code, message] = REJECTION_MESSAGES[result.reason];
    throw new DomainError(code, message);
  }
  if (result.duplicate) throw new DomainError("CONFLICT", "errors.billing.bankReferenceUsed", { field: "bankReference" });
  return result;
}

/** Products with every price version, the newest first. */
export async function listTariffs(actor: Actor) {
  await requireFinance(actor);
  return db.product.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      kind: true,
      nameRu: true,
      nameKk: true,
      active: true,
      prices: { orderBy: { validFrom: "desc" }, select: { id: true, priceTiyn: true, vatRate: true, validFrom: true } },
    },
  });
}

export const REVENUE_MAX_DAYS = 366;

/**
 * Revenue over [from, to), by calendar day in Almaty and by product, VAT apart.
 *
 * Read from activated orders' lines, not from the ledger's PURCHASE entries: a PURCHASE entry holds
 * only the order's total, while the lines carry each product and the VAT charged on it at checkout,
 * and both are what finance reports. The two agree on totals, since an order is activated exactly
 * when its PURCHASE entry is posted.
 */
export async function revenue(actor: Actor, input: { from: Date; to: Date }) {
  await requireFinance(actor);
  if (input.from >= input.to) throw new DomainError("VALIDATION", "errors.billing.dateRangeInvalid");
  if (input.to.getTime() - input.from.getTime() > REVENUE_MAX_DAYS * 86_400_000)
    throw new DomainError("VALIDATION", "errors.billing.dateRangeTooLong");
  const [byDay, byProduct] = await Promise.all([
    db.$queryRaw<{ day: string; amount: bigint; vat: bigint; orders: bigint }[]>`
      SELECT to_char(${Prisma.raw(almatyDaySqlText("o.activated_at"))}, 'YYYY-MM-DD') AS day,
             COALESCE(SUM(l.amount_tiyn), 0)::bigint AS amount, COALESCE(SUM(l.vat_tiyn), 0)::bigint AS vat,
             COUNT(DISTINCT o.id)::bigint AS orders
        FROM orders o JOIN order_lines l ON l.order_id = o.id
       WHERE o.status = 'ACTIVATED' AND o.activated_at >= ${input.from} AND o.activated_at < ${input.to}
       GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ code: string; name_ru: string; name_kk: string; quantity: bigint; amount: bigint; vat: bigint }[]>`
      SELECT p.code, p.name_ru, p.name_kk, SUM(l.quantity)::bigint AS quantity,
             COALESCE(SUM(l.amount_tiyn), 0)::bigint AS amount, COALESCE(SUM(l.vat_tiyn), 0)::bigint AS vat
        FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
       WHERE o.status = 'ACTIVATED' AND o.activated_at >= ${input.from} AND o.activated_at < ${input.to}
       GROUP BY p.code, p.name_ru, p.name_kk ORDER BY amount DESC, p.code`,
  ]);
  return {
    byDay: byDay.map((r) => ({ day: r.day, amountTiyn: r.amount, vatTiyn: r.vat, orders: Number(r.orders) })),
    byProduct: byProduct.map((r) => ({
      code: r.code,
      nameRu: r.name_ru,
      nameKk: r.name_kk,
      quantity: Number(r.quantity),
      amountTiyn: r.amount,
      vatTiyn: r.vat,
    })),
  };
}
