import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import {
  createBillingProduct,
  createBuyer,
  createFinanceActor,
  createRegion,
  creditBalance,
  grantEntitlement,
} from "../../../../test/support/factories";

import { cancelOrder } from "./cancel-order";
import { getCart } from "./cart-view";
import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import { expireOrders } from "./expire-orders";
import { balanceOf } from "./ledger-queries";
import { payOrderFromBalance } from "./pay-from-balance";
import { addPriceVersion } from "./tariffs";

const now = new Date("2026-06-15T10:00:00+05:00");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const orderOf = (id: number) =>
  db.order.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { id: "asc" } }, invoice: true, act: true } });
const entriesOf = (organizationId: number) =>
  db.ledgerEntry.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: { kind: true, amountTiyn: true, balanceAfterTiyn: true, orderId: true },
  });

async function cartWith(buyer: Awaited<ReturnType<typeof createBuyer>>, productCode: string, quantity: number, at = now) {
  return addCartLine({ organizationId: buyer.organizationId, productCode, quantity, actor: buyer.owner, now: at });
}

describe("checkout", () => {
  it("freezes the prices and VAT in force; a later price version does not change the order", async () => {
    const finance = await createFinanceActor();
    const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 500_000n, vatRate: 1600 });
    const buyer = await createBuyer();
    await cartWith(buyer, product.code, 3);
    await cartWith(buyer, "vacancy.premium", 1);
    const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });

    // 3 × 5 000 ₸ = 15 000 ₸, VAT 206896.55… → 206897; premium 24 900 ₸, VAT 343448.27… → 343448
    expect(order).toMatchObject({ status: "PENDING", method: "CARD", amountTiyn: 3_990_000n, vatTiyn: 206_897n + 343_448n });
    const stored = await orderOf(order.orderId);
    const firstVersion = await db.productPrice.findFirstOrThrow({ where: { productId: product.id } });
    expect(stored.lines.map((l) => [l.productPriceId, l.unitPriceTiyn, l.quantity, l.vatRate, l.amountTiyn, l.vatTiyn])).toEqual([
      [firstVersion.id, 500_000n, 3, 1600, 1_500_000n, 206_897n],
      [expect.any(Number), 2_490_000n, 1, 1600, 2_490_000n, 343_448n],
    ]);

    await addPriceVersion({
      productCode: product.code,
      priceTiyn: 700_000n,
      vatRate: 1200,
      validFrom: new Date(now.getTime() + HOUR),
      actor: finance,
      now,
    });
    const after = await orderOf(order.orderId);
    expect(after.amountTiyn).toBe(3_990_000n);
    expect(after.lines.map((l) => [l.unitPriceTiyn, l.vatTiyn])).toEqual(stored.lines.map((l) => [l.unitPriceTiyn, l.vatTiyn]));

    // A new cart sees the new price once it is in force, and freezes that one.
    await cartWith(buyer, product.code, 1, new Date(now.getTime() + 2 * HOUR));
    expect((await getCart({ organizationId: buyer.organizationId, actor: buyer.owner, now }))?.lines[0]?.unitPriceTiyn).toBe(
      500_000n,
    );
    const second = await checkout({
      organizationId: buyer.organizationId,
      method: "CARD",
      actor: buyer.owner,
      now: new Date(now.getTime() + 2 * HOUR),
    });
    expect(second).toMatchObject({ amountTiyn: 700_000n, vatTiyn: 75_000n }); // 700000 × 1200 / 11200 = 75000
  });

  it("gives a card order 24 hours and an invoice order 10 days and its invoice", async () => {
    const buyer = await createBuyer();
    await cartWith(buyer, "vacancy.standard", 1);
    const card = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.manager, now });
    expect(card.number).toMatch(/^JM-2026-\d{6}$/);
    expect(card.expiresAt).toEqual(new Date(now.getTime() + DAY));
    expect(card.invoiceNumber).toBeNull();
    expect((await orderOf(card.orderId)).invoice).toBeNull();

    await cartWith(buyer, "vacancy.standard", 2);
    const invoice = await checkout({ organizationId: buyer.organizationId, method: "INVOICE", actor: buyer.owner, now });
    expect(invoice.expiresAt).toEqual(new Date(now.getTime() + 10 * DAY));
    expect(invoice.invoiceNumber).toMatch(/^СЧ-2026-\d{6}$/);
    const stored = await orderOf(invoice.orderId);
    const org = await db.organization.findUniqueOrThrow({ where: { id: buyer.organizationId } });
    expect(stored).toMatchObject({
      status: "PENDING",
      paymentMethod: "INVOICE",
      checkedOutAt: now,
      createdById: buyer.owner.userId,
    });
    expect(stored.invoice).toMatchObject({
      number: invoice.invoiceNumber,
      year: 2026,
      issuedAt: now,
      buyer: { legalName: org.legalName },
    });
    expect(await entriesOf(buyer.organizationId)).toEqual([]);
    expect(
      await db.auditLog.count({
        where: { action: "billing.order.checkout", entityId: { in: [String(card.orderId), String(invoice.orderId)] } },
      }),
    ).toBe(2);
  });

  it("refuses an empty cart, an unknown method and an observer, writing nothing", async () => {
    const buyer = await createBuyer();
    await expect(
      checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.cartEmpty",
    });
    await cartWith(buyer, "vacancy.standard", 1);
    await expect(
      checkout({ organizationId: buyer.organizationId, method: "CASH" as "CARD", actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.methodInvalid",
    });
    await expect(
      checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.observer, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.org.roleTooLow",
    });
    const unverified = await createBuyer("EMPLOYER", { verification: "PENDING" });
    await expect(
      checkout({ organizationId: unverified.organizationId, method: "CARD", actor: unverified.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orgNotVerified",
    });
    expect(await db.order.findMany({ where: { organizationId: buyer.organizationId }, select: { status: true } })).toEqual([
      { status: "CART" },
    ]);
  });

  it("checks the lines again: a withdrawn product or an access that ended is refused", async () => {
    const buyer = await createBuyer();
    const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 100_000n });
    await cartWith(buyer, product.code, 1);
    await db.product.update({ where: { id: product.id }, data: { active: false } });
    await expect(
      checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.productUnknown",
    });

    const packBuyer = await createBuyer();
    const regionId = (await createRegion()).id;
    await grantEntitlement({
      organizationId: packBuyer.organizationId,
      productCode: "resumes.access.1d",
      unitsTotal: 1000,
      validFrom: new Date(now.getTime() - HOUR),
      validUntil: new Date(now.getTime() + HOUR),
      regionId,
    });
    await cartWith(packBuyer, "resumes.views.100", 1);
    await expect(
      checkout({
        organizationId: packBuyer.organizationId,
        method: "CARD",
        actor: packBuyer.owner,
        now: new Date(now.getTime() + 2 * HOUR),
      }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.noRunningAccess" });
    expect(await db.order.count({ where: { organizationId: packBuyer.organizationId, status: "CART" } })).toBe(1);
  });
});

describe("checkout paid from the balance", () => {
  it("pays and activates in one go: PURCHASE entry, act, entitlements", async () => {
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 3_000_000n);
    await cartWith(buyer, "vacancy.standard", 3);
    const result = await checkout({ organizationId: buyer.organizationId, method: "BALANCE", actor: buyer.owner, now });
    expect(result).toMatchObject({ status: "ACTIVATED", amountTiyn: 2_970_000n, balanceAfterTiyn: 30_000n, expiresAt: null });
    expect(result.actNumber).toMatch(/^АВР-2026-\d{6}$/);
    const order = await orderOf(result.orderId);
    expect(order).toMatchObject({
      status: "ACTIVATED",
      paymentMethod: "BALANCE",
      paidAt: now,
      activatedAt: now,
      act: { number: result.actNumber },
    });
    expect((await entriesOf(buyer.organizationId)).slice(1)).toEqual([
      { kind: "PURCHASE", amountTiyn: -2_970_000n, balanceAfterTiyn: 30_000n, orderId: result.orderId },
    ]);
    expect(
      await db.entitlement.findMany({
        where: { orderId: result.orderId },
        select: { kind: true, publicationType: true, unitsTotal: true },
      }),
    ).toEqual([{ kind: "VACANCY_PUBLICATION", publicationType: "STANDARD", unitsTotal: 3 }]);
    expect(await balanceOf(buyer.organizationId)).toBe(30_000n);
  });

  it("fails on a short balance with a clear error and writes nothing", async () => {
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 989_999n);
    const cart = await cartWith(buyer, "vacancy.standard", 1);
    const countersBefore = await db.documentCounter.findMany({ orderBy: [{ kind: "asc" }, { year: "asc" }] });
    const auditsBefore = await db.auditLog.count();
    await expect(
      checkout({ organizationId: buyer.organizationId, method: "BALANCE", actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.billing.balanceShort",
    });
    const order = await orderOf(cart.orderId);
    expect(order).toMatchObject({ status: "CART", number: null, amountTiyn: null, act: null });
    expect(order.lines.map((l) => [l.productPriceId, l.amountTiyn])).toEqual([[null, null]]);
    expect(await entriesOf(buyer.organizationId)).toHaveLength(1);
    expect(await db.entitlement.count({ where: { organizationId: buyer.organizationId } })).toBe(0);
    expect(await db.documentCounter.findMany({ orderBy: [{ kind: "asc" }, { year: "asc" }] })).toEqual(countersBefore);
    expect(await db.auditLog.count()).toBe(auditsBefore);
    expect(await balanceOf(buyer.organizationId)).toBe(989_999n);
  });

  it("charges one cart once when checked out many times at once", async () => {
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 10_000_000n);
    await cartWith(buyer, "vacancy.standard", 1);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        checkout({ organizationId: buyer.organizationId, method: "BALANCE", actor: buyer.owner, now }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ messageKey: "errors.billing.cartEmpty" });
    expect(await balanceOf(buyer.organizationId)).toBe(10_000_000n - 990_000n);
  });

  it("lets exactly N of 20 orders be paid at once from a balance that covers N, never below zero", async () => {
    const buyer = await createBuyer();
    const orderIds: number[] = [];
    for (let i = 0; i < 20; i++) {
      await cartWith(buyer, "vacancy.standard", 1);
      orderIds.push((await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now })).orderId);
    }
    const N = 7;
    await creditBalance(buyer.organizationId, BigInt(N) * 990_000n);
    const results = await Promise.allSettled(
      orderIds.map((orderId) =>
        payOrderFromBalance({ organizationId: buyer.organizationId, orderId, actor: buyer.manager, now }),
      ),
    );
    const paid = results.filter((r) => r.status === "fulfilled");
    expect(paid).toHaveLength(N);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ messageKey: "errors.billing.balanceShort" });

    const entries = await entriesOf(buyer.organizationId);
    expect(entries.filter((e) => e.kind === "PURCHASE")).toHaveLength(N);
    expect(entries.every((e) => e.balanceAfterTiyn >= 0n)).toBe(true);
    const sum = entries.reduce((s, e) => s + e.amountTiyn, 0n);
    expect(sum).toBe(0n);
    expect(await balanceOf(buyer.organizationId)).toBe(sum);
    expect(await db.order.count({ where: { id: { in: orderIds }, status: "ACTIVATED" } })).toBe(N);
    expect(await db.order.count({ where: { id: { in: orderIds }, status: "PENDING" } })).toBe(20 - N);
    expect(await db.act.count({ where: { orderId: { in: orderIds } } })).toBe(N);
  });

  it("refuses to pay from the balance an order that is not waiting or whose window has passed", async () => {
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 5_000_000n);
    await cartWith(buyer, "vacancy.standard", 1);
    const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });
    await expect(
      payOrderFromBalance({
        organizationId: buyer.organizationId,
        orderId: order.orderId,
        actor: buyer.owner,
        now: new Date(now.getTime() + DAY),
      }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orderExpired",
    });
    const other = await createBuyer();
    await expect(
      payOrderFromBalance({ organizationId: other.organizationId, orderId: order.orderId, actor: other.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orderNotFound",
    });
    await payOrderFromBalance({ organizationId: buyer.organizationId, orderId: order.orderId, actor: buyer.owner, now });
    await expect(
      payOrderFromBalance({ organizationId: buyer.organizationId, orderId: order.orderId, actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orderNotPending",
    });
    expect(await balanceOf(buyer.organizationId)).toBe(5_000_000n - 990_000n);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { paymentMethod: true } })).toEqual({
      paymentMethod: "BALANCE",
    });
  });
});

describe("cancelling and expiring orders", () => {
  it("lets an owner or manager cancel a waiting order, once", async () => {
    const buyer = await createBuyer();
    await cartWith(buyer, "vacancy.standard", 1);
    const order = await checkout({ organizationId: buyer.organizationId, method: "INVOICE", actor: buyer.owner, now });
    await expect(
      cancelOrder({ organizationId: buyer.organizationId, orderId: order.orderId, actor: buyer.observer, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.org.roleTooLow",
    });
    const other = await createBuyer();
    await expect(
      cancelOrder({ organizationId: other.organizationId, orderId: order.orderId, actor: other.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orderNotFound",
    });
    expect((await orderOf(order.orderId)).status).toBe("PENDING");
    await cancelOrder({ organizationId: buyer.organizationId, orderId: order.orderId, actor: buyer.manager, now });
    expect(await orderOf(order.orderId)).toMatchObject({ status: "CANCELLED", cancelledAt: now });
    await expect(
      cancelOrder({ organizationId: buyer.organizationId, orderId: order.orderId, actor: buyer.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orderNotPending",
    });
    expect(await db.auditLog.count({ where: { action: "billing.order.cancel", entityId: String(order.orderId) } })).toBe(1);
  });

  it("expires waiting orders past their window, once, and nothing else", async () => {
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 990_000n);
    const ids: Record<string, number> = {};
    for (const method of ["CARD", "INVOICE", "BALANCE"] as const) {
      await cartWith(buyer, "vacancy.standard", 1);
      ids[method] = (await checkout({ organizationId: buyer.organizationId, method, actor: buyer.owner, now })).orderId;
    }
    await cartWith(buyer, "vacancy.standard", 1);
    const cartId = (await getCart({ organizationId: buyer.organizationId, actor: buyer.owner, now }))!.orderId;

    const later = new Date(now.getTime() + 2 * DAY);
    const first = await expireOrders(later);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const status = async (id: number) => (await orderOf(id)).status;
    expect([await status(ids.CARD!), await status(ids.INVOICE!), await status(ids.BALANCE!), await status(cartId)]).toEqual([
      "EXPIRED",
      "PENDING",
      "ACTIVATED",
      "CART",
    ]);
    expect((await orderOf(ids.CARD!)).expiredAt).toEqual(later);
    expect((await expireOrders(later)).expired).toBe(0);
    await expireOrders(new Date(now.getTime() + 11 * DAY));
    expect(await status(ids.INVOICE!)).toBe("EXPIRED");
    expect(
      await db.auditLog.count({
        where: { action: "billing.order.expire", entityId: { in: [String(ids.CARD), String(ids.INVOICE)] } },
      }),
    ).toBe(2);
  });
});
