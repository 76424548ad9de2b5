import type { OrderStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

// What an organisation's billing pages show. Plain reads scoped to one organisation: the caller
// (a tRPC procedure) has already checked that the user is a member of it.

const productSelect = { code: true, kind: true, publicationType: true, nameRu: true, nameKk: true } as const;

/**
 * Credits and accesses: those still running first (soonest end first), then those that ended in
 * the last 90 days, so the employer sees what lapsed and how many units were forfeited.
 */
export async function listEntitlements(organizationId: number, now: Date = new Date()) {
  const rows = await db.entitlement.findMany({
    where: { organizationId, validUntil: { gt: new Date(now.getTime() - 90 * 86_400_000) } },
    orderBy: [{ validUntil: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      publicationType: true,
      unitsTotal: true,
      unitsUsed: true,
      unitsForfeited: true,
      validFrom: true,
      validUntil: true,
      forfeitedAt: true,
      product: { select: productSelect },
      region: { select: { nameRu: true, nameKk: true } },
      specialization: { select: { nameRu: true, nameKk: true } },
      order: { select: { id: true, number: true } },
    },
  });
  const entitlements = rows.map((row) => ({
    ...row,
    unitsLeft: row.forfeitedAt ? 0 : row.unitsTotal - row.unitsUsed,
    active: !row.forfeitedAt && row.validFrom <= now && row.validUntil > now,
  }));
  return [...entitlements.filter((e) => e.active), ...entitlements.filter((e) => !e.active).reverse()];
}

const ORDER_PAGE = 20;

/** Checked-out orders, newest first, a page at a time (the cart is not one of them). */
export async function listOrders(organizationId: number, options: { status?: OrderStatus; page?: number } = {}) {
  const where = { organizationId, status: options.status ?? { not: "CART" as const } };
  const page = Math.max(1, options.page ?? 1);
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ checkedOutAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ORDER_PAGE,
      take: ORDER_PAGE,
      select: {
        id: true,
        number: true,
        status: true,
        paymentMethod: true,
        amountTiyn: true,
        vatTiyn: true,
        checkedOutAt: true,
        expiresAt: true,
        activatedAt: true,
        invoice: { select: { id: true, number: true } },
        act: { select: { id: true, number: true } },
        _count: { select: { lines: true } },
      },
    }),
  ]);
  return { orders, page, pageCount: Math.max(1, Math.ceil(total / ORDER_PAGE)), total };
}

/** One checked-out order of the organisation with its lines, payments and documents. */
export async function getOrder(organizationId: number, orderId: number) {
  const order = await db.order.findFirst({
    where: { id: orderId, organizationId, status: { not: "CART" } },
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
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          quantity: true,
          unitPriceTiyn: true,
          vatRate: true,
          amountTiyn: true,
          vatTiyn: true,
          product: { select: productSelect },
          region: { select: { nameRu: true, nameKk: true } },
          specialization: { select: { nameRu: true, nameKk: true } },
        },
      },
      payments: {
        orderBy: { id: "asc" },
        select: { id: true, provider: true, amountTiyn: true, status: true, outcome: true, paidAt: true },
      },
      invoice: { select: { id: true, number: true, issuedAt: true } },
      act: { select: { id: true, number: true, issuedAt: true } },
    },
  });
  if (!order) throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
  return order;
}
