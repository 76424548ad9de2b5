import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createBillingProduct, createBuyer, createFinanceActor, createUser } from "../../../../test/support/factories";

import { addPriceVersion, offersFor, priceList, pricesInForce, publicPriceList } from "./tariffs";

const now = new Date("2026-06-15T10:00:00+05:00");
const HOUR = 3_600_000;

describe("the price list", () => {
  it("has the products on sale from 1 January 2026 with VAT at 16 %", async () => {
    const list = await priceList(now);
    const seeded = Object.fromEntries(
      list
        .filter((p) => !p.code.startsWith("test."))
        .map((p) => [p.code, [p.price.priceTiyn, p.price.vatRate, p.units, p.accessDays]]),
    );
    expect(seeded).toEqual({
      "vacancy.standard": [990_000n, 1600, null, null],
      "vacancy.premium": [2_490_000n, 1600, null, null],
      "vacancy.anonymous": [1_290_000n, 1600, null, null],
      "resumes.access.1d": [990_000n, 1600, 1000, 1],
      "resumes.access.7d": [3_990_000n, 1600, 580, 7],
      "resumes.access.14d": [5_990_000n, 1600, 920, 14],
      "resumes.access.30d": [8_990_000n, 1600, 1280, 30],
      "resumes.access.92d": [19_990_000n, 1600, 3200, 92],
      "resumes.access.183d": [32_990_000n, 1600, 5350, 183],
      "resumes.access.365d": [54_990_000n, 1600, 9000, 365],
      "resumes.views.100": [990_000n, 1600, 100, null],
      "resumes.views.500": [3_990_000n, 1600, 500, null],
      "resumes.views.1000": [6_990_000n, 1600, 1000, null],
      "school.plan.month": [1_990_000n, 1600, null, 30],
    });
    expect(list.find((p) => p.code === "vacancy.standard")).toMatchObject({
      kind: "VACANCY_PUBLICATION",
      publicationType: "STANDARD",
      nameKk: "«Стандарт» вакансиясын жариялау",
    });
    // Before 2026 nothing had a price here.
    expect((await priceList(new Date("2025-12-31T23:59:59+05:00"))).filter((p) => !p.code.startsWith("test."))).toEqual([]);
  });

  it("shows the public the gross price and the VAT in it, without internal ids", async () => {
    const list = await publicPriceList(now);
    const premium = list.find((p) => p.code === "vacancy.premium");
    // 24 900 ₸ with 16 % VAT inside: 24 900 × 16 / 116 = 3 434,48 ₸.
    expect(premium).toEqual({
      code: "vacancy.premium",
      kind: "VACANCY_PUBLICATION",
      publicationType: "PREMIUM",
      accessDays: null,
      units: null,
      nameRu: expect.any(String),
      nameKk: expect.any(String),
      priceTiyn: 2_490_000n,
      vatRate: 1600,
      vatTiyn: 343_448n,
    });
    expect(list.map((p) => p.code)).toEqual((await priceList(now)).map((p) => p.code));
  });

  it("leaves out inactive products", async () => {
    const product = await createBillingProduct({ kind: "CONTACT_VIEWS", priceTiyn: 1_000n });
    expect((await priceList(now)).some((p) => p.code === product.code)).toBe(true);
    await db.product.update({ where: { id: product.id }, data: { active: false } });
    expect((await priceList(now)).some((p) => p.code === product.code)).toBe(false);
  });

  it("offers each type of organisation only what it may buy, with the most one cart line holds", async () => {
    const kinds = async (type: "EMPLOYER" | "DRIVING_SCHOOL") =>
      new Set((await offersFor(type, now)).filter((p) => !p.code.startsWith("test.")).map((p) => `${p.kind}:${p.maxQuantity}`));
    expect(await kinds("EMPLOYER")).toEqual(new Set(["VACANCY_PUBLICATION:1000", "RESUME_ACCESS:1", "CONTACT_VIEWS:30"]));
    expect(await kinds("DRIVING_SCHOOL")).toEqual(new Set(["VACANCY_PUBLICATION:1000", "SCHOOL_PLAN:12"]));
  });
});

describe("a new price version", () => {
  it("takes effect at its valid_from, not before", async () => {
    const finance = await createFinanceActor();
    const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 100_000n });
    const from = new Date(now.getTime() + HOUR);
    const version = await addPriceVersion({
      productCode: product.code,
      priceTiyn: 120_000n,
      vatRate: 1200,
      validFrom: from,
      actor: finance,
      now,
    });
    const at = async (t: Date) => (await pricesInForce(db, [product.id], t)).get(product.id);
    expect(await at(new Date(from.getTime() - 1))).toMatchObject({ priceTiyn: 100_000n, vatRate: 1600 });
    expect(await at(from)).toMatchObject({ id: version.id, priceTiyn: 120_000n, vatRate: 1200 });
    expect(await db.productPrice.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ createdById: finance.userId });
    expect(
      await db.auditLog.findFirstOrThrow({ where: { action: "billing.price.add", entityId: String(product.id) } }),
    ).toMatchObject({
      actorId: finance.userId,
      data: { code: product.code, priceTiyn: "120000", vatRate: 1200 },
    });
  });

  it("is refused to anyone but finance, and when invalid, writing nothing", async () => {
    const finance = await createFinanceActor();
    const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 100_000n });
    const valid = {
      productCode: product.code,
      priceTiyn: 150_000n,
      vatRate: 1600,
      validFrom: new Date(now.getTime() + HOUR),
      now,
    };
    const buyer = await createBuyer();
    const support = await createUser({ isSeeker: false, staffRole: "SUPPORT" });
    await expect(addPriceVersion({ ...valid, actor: { userId: null, ip: null } })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(addPriceVersion({ ...valid, actor: buyer.owner })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPriceVersion({ ...valid, actor: { userId: support.id, ip: null } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const refusals: [Partial<typeof valid> & { productCode?: string }, string][] = [
      [{ priceTiyn: 0n }, "errors.billing.priceInvalid"],
      [{ priceTiyn: -5n }, "errors.billing.priceInvalid"],
      [{ vatRate: -1 }, "errors.billing.vatRateInvalid"],
      [{ vatRate: 10_001 }, "errors.billing.vatRateInvalid"],
      [{ vatRate: 16.5 }, "errors.billing.vatRateInvalid"],
      [{ validFrom: new Date(now.getTime() - 1) }, "errors.billing.validFromPast"],
      [{ validFrom: new Date("not a date") }, "errors.billing.validFromPast"],
      [{ productCode: "vacancy.unknown" }, "errors.billing.productUnknown"],
    ];
    for (const [change, messageKey] of refusals) {
      await expect(addPriceVersion({ ...valid, ...change, actor: finance })).rejects.toMatchObject({ messageKey });
    }
    expect(await db.productPrice.count({ where: { productId: product.id } })).toBe(1);

    await addPriceVersion({ ...valid, actor: finance });
    await expect(addPriceVersion({ ...valid, priceTiyn: 160_000n, actor: finance })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.billing.priceVersionExists",
    });
    const superadmin = await createUser({ isSeeker: false, staffRole: "SUPERADMIN" });
    await addPriceVersion({
      ...valid,
      validFrom: new Date(now.getTime() + 2 * HOUR),
      actor: { userId: superadmin.id, ip: null },
    });
    expect(await db.productPrice.count({ where: { productId: product.id } })).toBe(3);
  });
});
