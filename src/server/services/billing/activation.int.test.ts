import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import {
  createBuyer,
  createRegion,
  createSpecialization,
  creditBalance,
  grantEntitlement,
} from "../../../../test/support/factories";

import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";

const now = new Date("2026-06-15T10:00:00+05:00");
const DAY = 86_400_000;
const plus = (at: Date, days: number) => new Date(at.getTime() + days * DAY);

let regionIds: number[] = [];
let specializationId = 0;

beforeAll(async () => {
  regionIds = [];
  for (let i = 0; i < 7; i++) regionIds.push((await createRegion()).id);
  specializationId = (await createSpecialization()).id;
});

type Buyer = Awaited<ReturnType<typeof createBuyer>>;

/** Buys the lines from the balance at `at` and returns the order's entitlements, in line order. */
async function buy(
  buyer: Buyer,
  lines: { productCode: string; quantity: number; regionId?: number; specializationId?: number }[],
  at = now,
) {
  await creditBalance(buyer.organizationId, 200_000_000n);
  for (const line of lines) await addCartLine({ organizationId: buyer.organizationId, actor: buyer.owner, now: at, ...line });
  const order = await checkout({ organizationId: buyer.organizationId, method: "BALANCE", actor: buyer.owner, now: at });
  const entitlements = await db.entitlement.findMany({
    where: { orderId: order.orderId },
    orderBy: { orderLineId: "asc" },
    select: {
      kind: true,
      publicationType: true,
      regionId: true,
      specializationId: true,
      unitsTotal: true,
      unitsUsed: true,
      validFrom: true,
      validUntil: true,
      product: { select: { code: true } },
    },
  });
  return { order, entitlements };
}

describe("activation", () => {
  it("keeps publication credits 30 days when 1–9 of a product are bought, 365 days from 10 (H 4.6)", async () => {
    const nine = await buy(await createBuyer(), [{ productCode: "vacancy.standard", quantity: 9 }]);
    expect(nine.entitlements).toMatchObject([
      { kind: "VACANCY_PUBLICATION", publicationType: "STANDARD", unitsTotal: 9, validFrom: now, validUntil: plus(now, 30) },
    ]);

    const ten = await buy(await createBuyer(), [{ productCode: "vacancy.standard", quantity: 10 }]);
    expect(ten.entitlements).toMatchObject([{ unitsTotal: 10, validUntil: plus(now, 365) }]);

    // Counted per product: 10 standard and 1 premium give a year and a month.
    const mixed = await buy(await createBuyer(), [
      { productCode: "vacancy.standard", quantity: 10 },
      { productCode: "vacancy.premium", quantity: 1 },
      { productCode: "vacancy.anonymous", quantity: 9 },
    ]);
    expect(
      mixed.entitlements.map((e) => [e.publicationType, e.unitsTotal, (e.validUntil.getTime() - now.getTime()) / DAY]),
    ).toEqual([
      ["STANDARD", 10, 365],
      ["PREMIUM", 1, 30],
      ["ANONYMOUS", 9, 30],
    ]);
  });

  it("opens each resume access for its days with its contact views (H 17.11)", async () => {
    const codes = ["1d", "7d", "14d", "30d", "92d", "183d", "365d"].map((d) => `resumes.access.${d}`);
    const { entitlements } = await buy(
      await createBuyer(),
      codes.map((productCode, i) => ({
        productCode,
        quantity: 1,
        regionId: regionIds[i]!,
        ...(i === 0 ? { specializationId } : {}),
      })),
    );
    expect(
      entitlements.map((e) => [e.product.code, (e.validUntil.getTime() - e.validFrom.getTime()) / DAY, e.unitsTotal, e.regionId]),
    ).toEqual([
      ["resumes.access.1d", 1, 1000, regionIds[0]],
      ["resumes.access.7d", 7, 580, regionIds[1]],
      ["resumes.access.14d", 14, 920, regionIds[2]],
      ["resumes.access.30d", 30, 1280, regionIds[3]],
      ["resumes.access.92d", 92, 3200, regionIds[4]],
      ["resumes.access.183d", 183, 5350, regionIds[5]],
      ["resumes.access.365d", 365, 9000, regionIds[6]],
    ]);
    expect(entitlements[0]!.specializationId).toBe(specializationId);
    expect(entitlements[1]!.specializationId).toBeNull();
  });

  it("makes a pack of views last until the end of the access it extends", async () => {
    const buyer = await createBuyer();
    const accessEnd = plus(now, 5);
    await grantEntitlement({
      organizationId: buyer.organizationId,
      productCode: "resumes.access.7d",
      unitsTotal: 580,
      validFrom: plus(now, -2),
      validUntil: accessEnd,
      regionId: regionIds[0]!,
      specializationId,
    });
    const packs = await buy(buyer, [{ productCode: "resumes.views.500", quantity: 2 }]);
    expect(packs.entitlements).toMatchObject([
      {
        kind: "CONTACT_VIEWS",
        unitsTotal: 1000,
        validFrom: now,
        validUntil: accessEnd,
        regionId: regionIds[0],
        specializationId,
      },
    ]);

    // Bought with a longer access, it extends that one.
    const withAccess = await buy(buyer, [
      { productCode: "resumes.access.30d", quantity: 1, regionId: regionIds[1]! },
      { productCode: "resumes.views.100", quantity: 1 },
    ]);
    expect(withAccess.entitlements.map((e) => [e.kind, e.unitsTotal, e.validUntil, e.regionId])).toEqual([
      ["RESUME_ACCESS", 1280, plus(now, 30), regionIds[1]],
      ["CONTACT_VIEWS", 100, plus(now, 30), regionIds[1]],
    ]);
  });

  it("gives a school plan 30 days a month, starting where a paid plan ends", async () => {
    const school = await createBuyer("DRIVING_SCHOOL");
    const first = await buy(school, [{ productCode: "school.plan.month", quantity: 1 }]);
    expect(first.entitlements).toMatchObject([{ kind: "SCHOOL_PLAN", unitsTotal: 0, validFrom: now, validUntil: plus(now, 30) }]);
    const renewal = await buy(school, [{ productCode: "school.plan.month", quantity: 2 }], plus(now, 10));
    expect(renewal.entitlements).toMatchObject([{ validFrom: plus(now, 30), validUntil: plus(now, 90) }]);
    // After a lapse, a new plan starts at once.
    const later = plus(now, 200);
    const fresh = await buy(school, [{ productCode: "school.plan.month", quantity: 1 }], later);
    expect(fresh.entitlements).toMatchObject([{ validFrom: later, validUntil: plus(later, 30) }]);
  });

  it("issues one act per activation, numbered without gaps, and records it", async () => {
    const buyer = await createBuyer();
    const a = await buy(buyer, [{ productCode: "vacancy.standard", quantity: 1 }]);
    const b = await buy(buyer, [{ productCode: "vacancy.premium", quantity: 1 }]);
    const seqA = Number(a.order.actNumber!.slice(-6));
    expect(b.order.actNumber).toBe(`АВР-2026-${String(seqA + 1).padStart(6, "0")}`);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "billing.order.activate", entityId: String(b.order.orderId) },
    });
    expect(audit).toMatchObject({ actorId: buyer.owner.userId, data: { act: b.order.actNumber } });
  });
});
