import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createBuyer, createRegion, grantEntitlement } from "../../../../test/support/factories";

import { availableCredits, consumeCredit, returnCredit } from "./credits";
import { expireEntitlements } from "./expire-entitlements";
import { balanceOf } from "./ledger-queries";

const now = new Date("2026-06-15T10:00:00+05:00");
const DAY = 86_400_000;
const plus = (days: number) => new Date(now.getTime() + days * DAY);

let cityId = 0;
let regionId = 0;

beforeAll(async () => {
  regionId = (await createRegion()).id;
  cityId = (await db.city.create({ data: { regionId, slug: `city-${Date.now()}`, nameRu: "Город", nameKk: "Қала" } })).id;
});

async function vacancy(organizationId: number) {
  return db.vacancy.create({
    data: { organizationId, cityId, title: "Водитель категории C", slug: "voditel", description: "<p>Работа.</p>" },
    select: { id: true },
  });
}

const credit = (organizationId: number, productCode: string, unitsTotal: number, validFrom: Date, validUntil: Date) =>
  grantEntitlement({ organizationId, productCode, unitsTotal, validFrom, validUntil });

describe("publication credits", () => {
  it("count only units of the type, of the organisation, usable now", async () => {
    const { organizationId } = await createBuyer();
    await credit(organizationId, "vacancy.standard", 3, plus(-10), plus(20));
    await credit(organizationId, "vacancy.standard", 2, plus(-40), plus(-10)); // ended
    await credit(organizationId, "vacancy.standard", 4, plus(1), plus(30)); // not yet
    await credit(organizationId, "vacancy.premium", 5, plus(-1), plus(20));
    const forfeited = await credit(organizationId, "vacancy.standard", 6, plus(-1), plus(20));
    await db.entitlement.update({ where: { id: forfeited.id }, data: { forfeitedAt: now, unitsForfeited: 6 } });
    await credit((await createBuyer()).organizationId, "vacancy.standard", 7, plus(-1), plus(20));
    expect(await availableCredits(organizationId, "STANDARD", now)).toBe(3);
    expect(await availableCredits(organizationId, "PREMIUM", now)).toBe(5);
    expect(await availableCredits(organizationId, "ANONYMOUS", now)).toBe(0);
  });

  it("are spent from the entitlement that ends first, one unit per publication", async () => {
    const { organizationId } = await createBuyer();
    const late = await credit(organizationId, "vacancy.premium", 5, plus(-1), plus(300));
    const soon = await credit(organizationId, "vacancy.premium", 1, plus(-1), plus(3));
    const v1 = await vacancy(organizationId);
    const v2 = await vacancy(organizationId);
    const first = await db.$transaction((tx) =>
      consumeCredit(tx, { organizationId, publicationType: "PREMIUM", vacancyId: v1.id, now }),
    );
    const second = await db.$transaction((tx) =>
      consumeCredit(tx, { organizationId, publicationType: "PREMIUM", vacancyId: v2.id, now }),
    );
    expect([first.entitlementId, second.entitlementId]).toEqual([soon.id, late.id]);
    expect(
      await db.entitlementUse.findMany({
        where: { entitlementId: { in: [soon.id, late.id] } },
        orderBy: { id: "asc" },
        select: { vacancyId: true, usedAt: true },
      }),
    ).toEqual([
      { vacancyId: v1.id, usedAt: now },
      { vacancyId: v2.id, usedAt: now },
    ]);
    expect(await availableCredits(organizationId, "PREMIUM", now)).toBe(4);
  });

  it("refuse a publication without a credit and write nothing", async () => {
    const { organizationId } = await createBuyer();
    await credit(organizationId, "vacancy.standard", 1, plus(-40), plus(-1));
    const v = await vacancy(organizationId);
    await expect(
      db.$transaction((tx) => consumeCredit(tx, { organizationId, publicationType: "STANDARD", vacancyId: v.id, now })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.billing.noCredit",
    });
    expect(await db.entitlementUse.count({ where: { vacancyId: v.id } })).toBe(0);
  });

  it("are exact under concurrency: 10 publications at once against 3 units take exactly 3", async () => {
    const { organizationId } = await createBuyer();
    const a = await credit(organizationId, "vacancy.standard", 2, plus(-1), plus(10));
    const b = await credit(organizationId, "vacancy.standard", 1, plus(-1), plus(20));
    const vacancies = await Promise.all(Array.from({ length: 10 }, () => vacancy(organizationId)));
    const results = await Promise.allSettled(
      vacancies.map((v) =>
        db.$transaction((tx) => consumeCredit(tx, { organizationId, publicationType: "STANDARD", vacancyId: v.id, now }), {
          maxWait: 15_000,
          timeout: 15_000,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ messageKey: "errors.billing.noCredit" });
    const rows = await db.entitlement.findMany({
      where: { id: { in: [a.id, b.id] } },
      orderBy: { id: "asc" },
      select: { unitsUsed: true, unitsTotal: true },
    });
    expect(rows).toEqual([
      { unitsUsed: 2, unitsTotal: 2 },
      { unitsUsed: 1, unitsTotal: 1 },
    ]);
    expect(await db.entitlementUse.count({ where: { entitlementId: { in: [a.id, b.id] } } })).toBe(3);
  });

  it("come back when moderation removes the vacancy (H 4.19), once per publication", async () => {
    const { organizationId } = await createBuyer();
    const e = await credit(organizationId, "vacancy.standard", 2, plus(-1), plus(20));
    const v = await vacancy(organizationId);
    const used = await db.$transaction((tx) =>
      consumeCredit(tx, { organizationId, publicationType: "STANDARD", vacancyId: v.id, now }),
    );
    expect(await availableCredits(organizationId, "STANDARD", now)).toBe(1);

    const back = await db.$transaction((tx) => returnCredit(tx, { vacancyId: v.id, reason: "Нарушение правил", now }));
    expect(back).toEqual({ entitlementId: e.id, useId: used.useId, usable: true });
    expect(await availableCredits(organizationId, "STANDARD", now)).toBe(2);
    expect(await db.entitlementUse.findUniqueOrThrow({ where: { id: used.useId } })).toMatchObject({
      returnedAt: now,
      returnReason: "Нарушение правил",
    });
    expect(await db.$transaction((tx) => returnCredit(tx, { vacancyId: v.id, reason: "ещё раз", now }))).toBeNull();
    expect(await availableCredits(organizationId, "STANDARD", now)).toBe(2);

    const free = await vacancy(organizationId);
    expect(await db.$transaction((tx) => returnCredit(tx, { vacancyId: free.id, reason: "без кредита", now }))).toBeNull();
    await expect(db.$transaction((tx) => returnCredit(tx, { vacancyId: v.id, reason: "  ", now }))).rejects.toMatchObject({
      messageKey: "errors.billing.reasonRequired",
    });
  });

  it("returned to an entitlement already forfeited are forfeited with it", async () => {
    const { organizationId } = await createBuyer();
    const e = await credit(organizationId, "vacancy.standard", 2, plus(-20), plus(1));
    const v = await vacancy(organizationId);
    await db.$transaction((tx) => consumeCredit(tx, { organizationId, publicationType: "STANDARD", vacancyId: v.id, now }));
    await expireEntitlements(plus(2));
    expect(await db.entitlement.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ unitsUsed: 1, unitsForfeited: 1 });
    const back = await db.$transaction((tx) => returnCredit(tx, { vacancyId: v.id, reason: "Снята модератором", now: plus(3) }));
    expect(back).toMatchObject({ entitlementId: e.id, usable: false });
    expect(await db.entitlement.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ unitsUsed: 0, unitsForfeited: 2 });
  });
});

describe("expiry of entitlements", () => {
  it("forfeits unused units with a FORFEIT entry of 0 naming the entitlement, once, however often it runs", async () => {
    const { organizationId } = await createBuyer();
    const partly = await credit(organizationId, "vacancy.standard", 3, plus(-30), plus(-1));
    const spent = await credit(organizationId, "vacancy.premium", 1, plus(-30), plus(-1));
    const running = await credit(organizationId, "vacancy.standard", 4, plus(-1), plus(10));
    await db.entitlement.update({ where: { id: partly.id }, data: { unitsUsed: 1 } });
    await db.entitlement.update({ where: { id: spent.id }, data: { unitsUsed: 1 } });

    // Two runs at once and one after: the work is done once between them.
    await Promise.all([expireEntitlements(now), expireEntitlements(now)]);
    await expireEntitlements(now);

    const rows = await db.entitlement.findMany({
      where: { id: { in: [partly.id, spent.id, running.id] } },
      orderBy: { id: "asc" },
      select: { forfeitedAt: true, unitsForfeited: true },
    });
    expect(rows).toEqual([
      { forfeitedAt: now, unitsForfeited: 2 },
      { forfeitedAt: now, unitsForfeited: 0 },
      { forfeitedAt: null, unitsForfeited: 0 },
    ]);
    const entries = await db.ledgerEntry.findMany({
      where: { organizationId },
      select: { kind: true, amountTiyn: true, entitlementId: true },
    });
    expect(entries).toEqual([{ kind: "FORFEIT", amountTiyn: 0n, entitlementId: partly.id }]);
    expect(await balanceOf(organizationId)).toBe(0n);
    expect(
      await db.auditLog.count({
        where: { action: "billing.entitlement.forfeit", entityId: { in: [String(partly.id), String(spent.id)] } },
      }),
    ).toBe(2);

    // A later run finds nothing more to do for these.
    const again = await expireEntitlements(now);
    expect(again).toEqual({ expired: 0, unitsForfeited: 0 });
  });

  it("works through a backlog in batches", async () => {
    const { organizationId } = await createBuyer();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await credit(organizationId, "vacancy.anonymous", 1, plus(-30), plus(-2))).id);
    await expireEntitlements(plus(-1), { batchSize: 2 });
    expect(await db.entitlement.count({ where: { id: { in: ids }, forfeitedAt: null } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { organizationId, kind: "FORFEIT" } })).toBe(5);
  });

  it("leaves units of an ended entitlement unusable even before the job has run", async () => {
    const { organizationId } = await createBuyer();
    await credit(organizationId, "vacancy.standard", 2, plus(-30), plus(-1));
    const v = await vacancy(organizationId);
    expect(await availableCredits(organizationId, "STANDARD", now)).toBe(0);
    await expect(
      db.$transaction((tx) => consumeCredit(tx, { organizationId, publicationType: "STANDARD", vacancyId: v.id, now })),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.noCredit",
    });
  });
});
