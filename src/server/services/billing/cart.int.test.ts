import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import {
  createBillingProduct,
  createBuyer,
  createRegion,
  createSpecialization,
  createUser,
  grantEntitlement,
} from "../../../../test/support/factories";

import { getCart } from "./cart-view";
import { addCartLine, changeCartLineQuantity, clearCart, removeCartLine } from "./change-cart";
import { checkout } from "./checkout";

const now = new Date("2026-06-15T10:00:00+05:00");
const DAY = 86_400_000;

let regionId = 0;
let specializationId = 0;

beforeAll(async () => {
  regionId = (await createRegion()).id;
  specializationId = (await createSpecialization()).id;
});

const ordersOf = (organizationId: number) => db.order.findMany({ where: { organizationId }, include: { lines: true } });
async function cartAudits(organizationId: number) {
  const ids = (await db.order.findMany({ where: { organizationId }, select: { id: true } })).map((o) => String(o.id));
  return db.auditLog.count({ where: { action: "billing.cart.change", entityId: { in: ids } } });
}

describe("who may use the cart", () => {
  it("lets the owner and a manager of a verified organisation add, and records it", async () => {
    const buyer = await createBuyer();
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      quantity: 2,
      actor: buyer.owner,
      now,
    });
    const cart = await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.premium",
      quantity: 1,
      actor: buyer.manager,
      now,
    });
    expect(cart.lines.map((l) => [l.code, l.quantity])).toEqual([
      ["vacancy.standard", 2],
      ["vacancy.premium", 1],
    ]);
    expect(cart.amountTiyn).toBe(2n * 990_000n + 2_490_000n);
    expect(await cartAudits(buyer.organizationId)).toBe(2);
  });

  it("refuses an observer, a non-member and a guest, writing nothing", async () => {
    const buyer = await createBuyer();
    const stranger = await createUser();
    const add = (actor: { userId: number | null; ip: string | null }) =>
      addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.standard", quantity: 1, actor, now });
    await expect(add(buyer.observer)).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.org.roleTooLow" });
    await expect(add({ userId: stranger.id, ip: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.forbidden",
    });
    await expect(add({ userId: null, ip: null })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(getCart({ organizationId: buyer.organizationId, actor: buyer.observer })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await ordersOf(buyer.organizationId)).toEqual([]);
  });

  it("refuses an organisation that is not verified or is blocked (H 2.1.1), writing nothing", async () => {
    for (const verification of ["UNVERIFIED", "PENDING", "REJECTED"] as const) {
      const buyer = await createBuyer("EMPLOYER", { verification });
      await expect(
        addCartLine({
          organizationId: buyer.organizationId,
          productCode: "vacancy.standard",
          quantity: 1,
          actor: buyer.owner,
          now,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.billing.orgNotVerified" });
      expect(await ordersOf(buyer.organizationId)).toEqual([]);
    }
    const blocked = await createBuyer("EMPLOYER", { blocked: true });
    await expect(
      addCartLine({
        organizationId: blocked.organizationId,
        productCode: "vacancy.standard",
        quantity: 1,
        actor: blocked.owner,
        now,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.billing.orgBlocked" });
    await expect(
      checkout({ organizationId: blocked.organizationId, method: "CARD", actor: blocked.owner, now }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.orgBlocked",
    });
    expect(await ordersOf(blocked.organizationId)).toEqual([]);
  });

  it("sells each kind only to the organisation types it is for", async () => {
    const school = await createBuyer("DRIVING_SCHOOL");
    for (const productCode of ["resumes.views.100"]) {
      await expect(
        addCartLine({ organizationId: school.organizationId, productCode, quantity: 1, actor: school.owner, now }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.billing.productNotForOrg" });
    }
    await expect(
      addCartLine({
        organizationId: school.organizationId,
        productCode: "resumes.access.7d",
        quantity: 1,
        regionId,
        actor: school.owner,
        now,
      }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.productNotForOrg" });
    expect(await ordersOf(school.organizationId)).toEqual([]);
    const plan = await addCartLine({
      organizationId: school.organizationId,
      productCode: "school.plan.month",
      quantity: 2,
      actor: school.manager,
      now,
    });
    expect(plan.lines.map((l) => [l.code, l.quantity, l.amountTiyn])).toEqual([["school.plan.month", 2, 3_980_000n]]);
    // Schools post vacancies (instructors, teachers) like employers, so they buy publications too.
    const withPublication = await addCartLine({
      organizationId: school.organizationId,
      productCode: "vacancy.standard",
      quantity: 1,
      actor: school.owner,
      now,
    });
    expect(withPublication.lines.map((l) => l.code)).toEqual(["school.plan.month", "vacancy.standard"]);

    for (const type of ["EMPLOYER", "AGENCY", "PRIVATE_RECRUITER"] as const) {
      const employer = await createBuyer(type);
      await expect(
        addCartLine({
          organizationId: employer.organizationId,
          productCode: "school.plan.month",
          quantity: 1,
          actor: employer.owner,
          now,
        }),
      ).rejects.toMatchObject({ messageKey: "errors.billing.productNotForOrg" });
      await addCartLine({
        organizationId: employer.organizationId,
        productCode: "vacancy.anonymous",
        quantity: 1,
        actor: employer.owner,
        now,
      });
    }
  });
});

describe("cart lines", () => {
  it("bound quantities, also when the same product is added again", async () => {
    const buyer = await createBuyer();
    const add = (quantity: number, productCode = "vacancy.standard") =>
      addCartLine({ organizationId: buyer.organizationId, productCode, quantity, actor: buyer.owner, now });
    for (const quantity of [0, -1, 1.5, 1001])
      await expect(add(quantity)).rejects.toMatchObject({ messageKey: "errors.billing.quantityInvalid" });
    expect(await ordersOf(buyer.organizationId)).toEqual([]);
    await add(600);
    await expect(add(401)).rejects.toMatchObject({ messageKey: "errors.billing.quantityInvalid" });
    const cart = await add(400);
    expect(cart.lines.map((l) => l.quantity)).toEqual([1000]);
    await expect(add(31, "resumes.views.100")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.billing.quantityInvalid",
    });
  });

  it("need a known, active product with a price in force", async () => {
    const buyer = await createBuyer();
    const add = (productCode: string) =>
      addCartLine({ organizationId: buyer.organizationId, productCode, quantity: 1, actor: buyer.owner, now });
    await expect(add("vacancy.nonexistent")).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.billing.productUnknown",
    });
    const retired = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 100_000n });
    await db.product.update({ where: { id: retired.id }, data: { active: false } });
    await expect(add(retired.code)).rejects.toMatchObject({ messageKey: "errors.billing.productUnknown" });
    const future = await createBillingProduct({
      kind: "VACANCY_PUBLICATION",
      priceTiyn: 100_000n,
      validFrom: new Date(now.getTime() + DAY),
    });
    await expect(add(future.code)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.billing.noPrice" });
    expect(await ordersOf(buyer.organizationId)).toEqual([]);
  });

  it("give a resume access a region and an optional specialization, and nothing else one", async () => {
    const buyer = await createBuyer();
    const add = (input: { productCode: string; regionId?: number | null; specializationId?: number | null }) =>
      addCartLine({ organizationId: buyer.organizationId, quantity: 1, actor: buyer.owner, now, ...input });
    await expect(add({ productCode: "resumes.access.30d" })).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.billing.regionRequired",
    });
    await expect(add({ productCode: "resumes.access.30d", regionId: 9_999_999 })).rejects.toMatchObject({
      messageKey: "errors.billing.regionUnknown",
    });
    await expect(add({ productCode: "resumes.access.30d", regionId, specializationId: 9_999_999 })).rejects.toMatchObject({
      messageKey: "errors.billing.specializationUnknown",
    });
    await expect(add({ productCode: "vacancy.standard", regionId })).rejects.toMatchObject({
      messageKey: "errors.billing.regionNotApplicable",
    });
    expect(await ordersOf(buyer.organizationId)).toEqual([]);

    await add({ productCode: "resumes.access.30d", regionId });
    await expect(add({ productCode: "resumes.access.30d", regionId })).rejects.toMatchObject({
      messageKey: "errors.billing.alreadyInCart",
    });
    const cart = await add({ productCode: "resumes.access.30d", regionId, specializationId });
    expect(cart.lines.map((l) => [l.regionId, l.specializationId])).toEqual([
      [regionId, null],
      [regionId, specializationId],
    ]);
    await expect(
      changeCartLineQuantity({
        organizationId: buyer.organizationId,
        lineId: cart.lines[0]!.id,
        quantity: 2,
        actor: buyer.owner,
        now,
      }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.quantityInvalid",
    });
  });

  it("change, remove and clear, only in the organisation's own cart", async () => {
    const buyer = await createBuyer();
    const other = await createBuyer();
    const cart = await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      quantity: 3,
      actor: buyer.owner,
      now,
    });
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.premium",
      quantity: 1,
      actor: buyer.owner,
      now,
    });
    const lineId = cart.lines[0]!.id;
    await expect(
      changeCartLineQuantity({ organizationId: other.organizationId, lineId, quantity: 5, actor: other.owner, now }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.billing.cartLineNotFound",
    });
    await addCartLine({
      organizationId: other.organizationId,
      productCode: "vacancy.standard",
      quantity: 1,
      actor: other.owner,
      now,
    });
    await expect(removeCartLine({ organizationId: other.organizationId, lineId, actor: other.owner })).rejects.toMatchObject({
      messageKey: "errors.billing.cartLineNotFound",
    });

    const changed = await changeCartLineQuantity({
      organizationId: buyer.organizationId,
      lineId,
      quantity: 5,
      actor: buyer.manager,
      now,
    });
    expect(changed.lines.map((l) => [l.code, l.quantity, l.amountTiyn])).toEqual([
      ["vacancy.standard", 5, 4_950_000n],
      ["vacancy.premium", 1, 2_490_000n],
    ]);
    const removed = await removeCartLine({ organizationId: buyer.organizationId, lineId, actor: buyer.owner, now });
    expect(removed.lines.map((l) => l.code)).toEqual(["vacancy.premium"]);
    const cleared = await clearCart({ organizationId: buyer.organizationId, actor: buyer.owner, now });
    expect(cleared).toMatchObject({ lines: [], amountTiyn: 0n, vatTiyn: 0n });
    expect(
      (await getCart({ organizationId: other.organizationId, actor: other.owner, now }))?.lines.map((l) => l.quantity),
    ).toEqual([1]);
  });

  it("keep one cart per organisation, even when added to concurrently", async () => {
    const buyer = await createBuyer();
    await Promise.all(
      Array.from({ length: 10 }, () =>
        addCartLine({
          organizationId: buyer.organizationId,
          productCode: "vacancy.standard",
          quantity: 1,
          actor: buyer.owner,
          now,
        }),
      ),
    );
    const orders = await ordersOf(buyer.organizationId);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.lines.map((l) => l.quantity)).toEqual([10]);
    await expect(db.$executeRaw`INSERT INTO orders (organization_id) VALUES (${buyer.organizationId})`).rejects.toThrow(
      /orders_one_cart_per_organization_key|duplicate key/,
    );
  });

  it("show today's prices and VAT until checkout", async () => {
    const buyer = await createBuyer();
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      quantity: 3,
      actor: buyer.owner,
      now,
    });
    const cart = await getCart({ organizationId: buyer.organizationId, actor: buyer.manager, now });
    expect(cart?.lines[0]).toMatchObject({ unitPriceTiyn: 990_000n, vatRate: 1600, amountTiyn: 2_970_000n, vatTiyn: 409_655n });
    expect(cart).toMatchObject({ amountTiyn: 2_970_000n, vatTiyn: 409_655n });
    // Nothing is frozen on the line itself before checkout.
    const stored = await db.orderLine.findFirstOrThrow({ where: { orderId: cart!.orderId } });
    expect(stored).toMatchObject({ productPriceId: null, unitPriceTiyn: null, amountTiyn: null });
    expect(
      await getCart({ organizationId: (await createBuyer()).organizationId, actor: buyer.owner, now }).catch(
        (e: { code: string }) => e.code,
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("extra contact views (H 19.2)", () => {
  const access = (organizationId: number, validFrom: Date, validUntil: Date) =>
    grantEntitlement({ organizationId, productCode: "resumes.access.30d", unitsTotal: 1280, validFrom, validUntil, regionId });

  it("are sold only with a running resume access, or with one in the same cart", async () => {
    const buyer = await createBuyer();
    const addPack = () =>
      addCartLine({
        organizationId: buyer.organizationId,
        productCode: "resumes.views.100",
        quantity: 1,
        actor: buyer.owner,
        now,
      });
    await expect(addPack()).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.billing.noRunningAccess" });
    // An access that ended, or one that was forfeited, does not count.
    await access(buyer.organizationId, new Date(now.getTime() - 40 * DAY), new Date(now.getTime() - 10 * DAY));
    await expect(addPack()).rejects.toMatchObject({ messageKey: "errors.billing.noRunningAccess" });
    expect(await db.order.count({ where: { organizationId: buyer.organizationId, status: "CART" } })).toBe(0);

    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "resumes.access.7d",
      quantity: 1,
      regionId,
      actor: buyer.owner,
      now,
    });
    expect((await addPack()).lines.map((l) => l.code)).toEqual(["resumes.access.7d", "resumes.views.100"]);

    const running = await createBuyer();
    await access(running.organizationId, new Date(now.getTime() - DAY), new Date(now.getTime() + DAY));
    const cart = await addCartLine({
      organizationId: running.organizationId,
      productCode: "resumes.views.500",
      quantity: 2,
      actor: running.owner,
      now,
    });
    expect(cart.lines.map((l) => [l.code, l.quantity])).toEqual([["resumes.views.500", 2]]);
  });

  it("are capped at 30,000 a calendar year: bought, waiting for payment and in the cart", async () => {
    const buyer = await createBuyer();
    await access(buyer.organizationId, new Date(now.getTime() - DAY), new Date(now.getTime() + 20 * DAY));
    const pack = (units: number, validFrom: Date) =>
      grantEntitlement({
        organizationId: buyer.organizationId,
        productCode: "resumes.views.1000",
        unitsTotal: units,
        validFrom,
        validUntil: new Date(now.getTime() + 20 * DAY),
        regionId,
      });
    await pack(20_000, new Date("2026-02-01T00:00:00+05:00"));
    // Bought last year: not counted.
    await pack(5_000, new Date("2025-12-31T23:00:00+05:00"));

    // Waiting for payment this year: 5 × 1000 = 5,000.
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "resumes.views.1000",
      quantity: 5,
      actor: buyer.owner,
      now,
    });
    await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });

    const add = (productCode: string, quantity: number) =>
      addCartLine({ organizationId: buyer.organizationId, productCode, quantity, actor: buyer.owner, now });
    await add("resumes.views.1000", 4);
    await expect(add("resumes.views.1000", 2)).rejects.toMatchObject({ messageKey: "errors.billing.viewPackYearLimit" });
    const cart = await add("resumes.views.1000", 1); // 20,000 + 5,000 + 5,000 = 30,000
    expect(cart.lines.map((l) => l.quantity)).toEqual([5]);
    await expect(add("resumes.views.100", 1)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.billing.viewPackYearLimit",
    });
    await expect(
      changeCartLineQuantity({
        organizationId: buyer.organizationId,
        lineId: cart.lines[0]!.id,
        quantity: 6,
        actor: buyer.owner,
        now,
      }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.viewPackYearLimit",
    });
    // In the next year the count starts again.
    const nextYear = new Date("2027-01-05T10:00:00+05:00");
    await access(buyer.organizationId, new Date(nextYear.getTime() - DAY), new Date(nextYear.getTime() + DAY));
    const later = await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "resumes.views.100",
      quantity: 1,
      actor: buyer.owner,
      now: nextYear,
    });
    expect(later.lines.map((l) => [l.code, l.quantity])).toEqual([
      ["resumes.views.1000", 5],
      ["resumes.views.100", 1],
    ]);
  });
});
