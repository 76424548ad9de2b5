import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { lockBillingAccount } from "@/server/services/billing/ledger";

import {
  createBillingProduct,
  createOrganization,
  createRegion,
  createUser,
  createVerifiedOrganization,
} from "../../../../test/support/factories";

import { csvRows } from "../billing/documents/csv";

import { activityMetrics, metricsRange, revenueMetrics } from "./metrics";
import { metricsCsv } from "./metrics-csv";

// Almaty is UTC+5: the day 2031-03-02 runs from 2031-03-01T19:00Z to 2031-03-02T19:00Z.
const at = (almatyWallClock: string) => new Date(`${almatyWallClock}+05:00`);
const LAST_OF_FIRST = at("2031-03-01T23:59:59.999");
const FIRST_OF_SECOND = at("2031-03-02T00:00:00.000");
const RANGE = { from: "2031-03-01", to: "2031-03-03" };
const SUPERADMIN = { role: "SUPERADMIN" } as const;
const HOUR = 3600;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return `${error.code}:${error.messageKey}`;
}

describe("metricsRange", () => {
  const now = at("2031-03-10T12:00:00");

  it("defaults to the 30 Almaty days ending today, and takes either end alone", () => {
    const range = metricsRange({}, now);
    expect([range.from, range.to, range.days.length]).toEqual(["2031-02-09", "2031-03-10", 30]);
    expect(range.start).toEqual(at("2031-02-09T00:00:00"));
    expect(range.end).toEqual(at("2031-03-11T00:00:00"));
    // Just after midnight in Almaty, while it is still yesterday in UTC.
    expect(metricsRange({}, at("2031-03-11T00:30:00")).to).toBe("2031-03-11");
    expect(metricsRange({ to: "2031-01-31" }, now).from).toBe("2031-01-02");
    expect(metricsRange({ from: "2031-03-09" }, now).days).toEqual(["2031-03-09", "2031-03-10"]);
    expect(metricsRange({ from: "2031-03-09", to: "2031-03-09" }, now).days).toEqual(["2031-03-09"]);
  });

  it("allows 366 days and refuses more, a backwards range and days that do not exist", () => {
    expect(metricsRange({ from: "2030-03-01", to: "2031-03-01" }, now).days).toHaveLength(366);
    const refused = (input: { from?: string; to?: string }) => {
      try {
        metricsRange(input, now);
        return "accepted";
      } catch (error) {
        return error instanceof DomainError ? `${error.code}:${error.messageKey}` : String(error);
      }
    };
    expect(refused({ from: "2030-03-01", to: "2031-03-02" })).toBe("VALIDATION:errors.billing.dateRangeTooLong");
    expect(refused({ from: "2031-03-02", to: "2031-03-01" })).toBe("VALIDATION:errors.billing.dateRangeInvalid");
    for (const bad of ["2031-02-30", "31.03.2031", "2031-3-1", "'; DROP", "0000-00-00"]) {
      expect(refused({ from: bad, to: "2031-03-01" })).toBe("VALIDATION:errors.metrics.dayInvalid");
      expect(refused({ from: "2031-03-01", to: bad })).toBe("VALIDATION:errors.metrics.dayInvalid");
    }
  });
});

describe("activity metrics", () => {
  beforeAll(async () => {
    const region = await createRegion();
    const city = await db.city.create({
      data: { regionId: region.id, slug: "metrics-city", nameRu: "Город", nameKk: "Қала" },
      select: { id: true },
    });
    const org = await createOrganization("EMPLOYER");
    const vacancy = (publishedAt: Date | null, status: "PUBLISHED" | "ARCHIVED" | "SUBMITTED" = "PUBLISHED") =>
      db.vacancy.create({
        data: {
          organizationId: org.id,
          title: "Водитель",
          slug: "voditel",
          description: "<p>Работа</p>",
          cityId: city.id,
          status,
          publishedAt,
        },
        select: { id: true },
      });
    const published = await Promise.all([
      vacancy(LAST_OF_FIRST),
      vacancy(FIRST_OF_SECOND),
      vacancy(at("2031-03-02T18:00:00"), "ARCHIVED"),
      vacancy(at("2031-02-28T23:59:59.999")),
      vacancy(null, "SUBMITTED"),
    ]);

    // Applications, seekers and organisations on either side of midnight.
    const seekers = await Promise.all([1, 2, 3, 4].map(() => createUser()));
    await db.user.update({ where: { id: seekers[0]!.id }, data: { createdAt: LAST_OF_FIRST } });
    await db.user.update({ where: { id: seekers[1]!.id }, data: { createdAt: FIRST_OF_SECOND } });
    await db.user.update({ where: { id: seekers[2]!.id }, data: { createdAt: at("2031-03-03T23:00:00") } });
    const employee = await createUser({ isSeeker: false });
    await db.user.update({ where: { id: employee.id }, data: { createdAt: FIRST_OF_SECOND } });
    await db.application.createMany({
      data: [
        { vacancyId: published[0]!.id, seekerId: seekers[0]!.id, createdAt: LAST_OF_FIRST },
        { vacancyId: published[0]!.id, seekerId: seekers[1]!.id, createdAt: FIRST_OF_SECOND },
        { vacancyId: published[1]!.id, seekerId: seekers[1]!.id, createdAt: at("2031-03-02T12:00:00") },
        { vacancyId: published[1]!.id, seekerId: seekers[3]!.id, createdAt: at("2031-03-04T00:00:00") },
      ],
    });
    const orgs = await Promise.all([1, 2].map(() => createOrganization("DRIVING_SCHOOL")));
    await db.organization.update({ where: { id: orgs[0]!.id }, data: { createdAt: at("2031-03-03T00:00:00") } });
    await db.organization.update({ where: { id: orgs[1]!.id }, data: { createdAt: at("2031-02-28T23:59:00") } });

    // Digests: the period date is already an Almaty day.
    await db.digestDelivery.createMany({
      data: [
        { userId: seekers[0]!.id, periodDate: new Date("2031-03-01"), cutoffAt: LAST_OF_FIRST, status: "SENT" },
        { userId: seekers[1]!.id, periodDate: new Date("2031-03-01"), cutoffAt: LAST_OF_FIRST, status: "SENT" },
        { userId: seekers[2]!.id, periodDate: new Date("2031-03-01"), cutoffAt: LAST_OF_FIRST, status: "FAILED" },
        { userId: seekers[3]!.id, periodDate: new Date("2031-03-01"), cutoffAt: LAST_OF_FIRST, status: "EMPTY" },
        { userId: seekers[0]!.id, periodDate: new Date("2031-03-03"), cutoffAt: LAST_OF_FIRST, status: "FAILED" },
        { userId: seekers[1]!.id, periodDate: new Date("2031-03-03"), cutoffAt: LAST_OF_FIRST, status: "PENDING" },
        { userId: seekers[2]!.id, periodDate: new Date("2031-03-04"), cutoffAt: LAST_OF_FIRST, status: "SENT" },
      ],
    });

    // Moderation, as the audit log records it.
    const [a, b, c] = published.map((v) => String(v.id));
    const entry = (entityId: string | undefined, action: string, createdAt: Date) => ({
      entityType: "vacancy",
      entityId: entityId!,
      action,
      createdAt,
    });
    await db.auditLog.createMany({
      data: [
        // a: 2 hours on the first day.
        entry(a, "vacancy.submit", at("2031-03-01T10:00:00")),
        entry(a, "vacancy.moderation.correct", at("2031-03-01T11:00:00")),
        entry(a, "vacancy.moderation.approve", at("2031-03-01T12:00:00")),
        // b: submitted before midnight, returned after it (2 hours, on the second day), then
        // submitted again and approved 4 hours later.
        entry(b, "vacancy.submit", at("2031-03-01T23:00:00")),
        entry(b, "vacancy.moderation.return", at("2031-03-02T01:00:00")),
        entry(b, "vacancy.submit", at("2031-03-02T03:00:00")),
        entry(b, "vacancy.moderation.approve", at("2031-03-02T07:00:00")),
        // c: an edit of a live vacancy back to moderation, approved 10 hours later; removing the
        // live vacancy afterwards decides no submission.
        entry(c, "vacancy.submit", at("2031-02-20T10:00:00")),
        entry(c, "vacancy.moderation.approve", at("2031-02-20T11:00:00")),
        entry(c, "vacancy.update.remoderate", at("2031-03-01T22:00:00")),
        entry(c, "vacancy.moderation.approve", at("2031-03-02T08:00:00")),
        entry(c, "vacancy.moderation.remove", at("2031-03-02T09:00:00")),
      ],
    });
  });

  it("counts each metric on the Almaty day of its event, with zeros for empty days", async () => {
    const result = await activityMetrics(SUPERADMIN, RANGE);
    expect(result.from).toBe("2031-03-01");
    expect(result.days.map((d) => d.day)).toEqual(["2031-03-01", "2031-03-02", "2031-03-03"]);
    const column = (key: keyof (typeof result.days)[number]) => result.days.map((d) => d[key]);
    expect(column("vacanciesPublished")).toEqual([1, 2, 0]);
    expect(column("applications")).toEqual([1, 2, 0]);
    expect(column("newSeekers")).toEqual([1, 1, 1]);
    expect(column("newOrganizations")).toEqual([0, 0, 1]);
    expect(column("digestsSent")).toEqual([2, 0, 0]);
    expect(column("digestsFailed")).toEqual([1, 0, 1]);
  });

  it("gives the median and 90th percentile from submission to decision per day", async () => {
    const { days } = await activityMetrics(SUPERADMIN, RANGE);
    expect(days.map((d) => d.decisions)).toEqual([1, 3, 0]);
    expect(days[0]).toMatchObject({ moderationMedianSeconds: 2 * HOUR, moderationP90Seconds: 2 * HOUR });
    // 2, 4 and 10 hours: the median is 4; the 90th percentile interpolates 80 % of the way from 4 to 10.
    expect(days[1]).toMatchObject({ moderationMedianSeconds: 4 * HOUR, moderationP90Seconds: Math.round(8.8 * HOUR) });
    expect(days[2]).toMatchObject({ moderationMedianSeconds: null, moderationP90Seconds: null });
  });

  it("gives the same numbers as CSV, moderation time in minutes", async () => {
    const csv = await metricsCsv("activity", SUPERADMIN, RANGE, "kk");
    expect(csv.filename).toBe("metrics-activity-2031-03-01-2031-03-03.csv");
    expect(csv.header[0]).toBe("Күн");
    expect(csv.rows).toEqual([
      ["2031-03-01", 1, 1, 1, 0, 2, 1, 1, 120, 120],
      ["2031-03-02", 2, 2, 1, 0, 0, 0, 3, 240, 528],
      ["2031-03-03", 0, 0, 1, 1, 0, 1, 0, null, null],
    ]);
  });

  it("shows a range without events as zeros", async () => {
    const { days } = await activityMetrics(SUPERADMIN, { from: "2035-01-01", to: "2035-01-05" });
    expect(days).toHaveLength(5);
    for (const day of days)
      expect(day).toMatchObject({
        vacanciesPublished: 0,
        applications: 0,
        newSeekers: 0,
        newOrganizations: 0,
        digestsSent: 0,
        digestsFailed: 0,
        decisions: 0,
        moderationMedianSeconds: null,
      });
  });

  it("refuses bad ranges and staff other than superadmins", async () => {
    expect(await refusal(activityMetrics(SUPERADMIN, { from: "2031-03-05", to: "2031-03-01" }))).toBe(
      "VALIDATION:errors.billing.dateRangeInvalid",
    );
    expect(await refusal(activityMetrics(SUPERADMIN, { from: "2029-01-01", to: "2031-03-01" }))).toBe(
      "VALIDATION:errors.billing.dateRangeTooLong",
    );
    expect(await refusal(activityMetrics(SUPERADMIN, { from: "2031-13-01" }))).toBe("VALIDATION:errors.metrics.dayInvalid");
    for (const role of ["FINANCE", "MODERATOR", "SUPPORT"] as const)
      expect(await refusal(activityMetrics({ role }, RANGE))).toBe("FORBIDDEN:errors.forbidden");
  });
});

describe("revenue metrics", () => {
  const products: { id: number; code: string; priceId: number }[] = [];

  /** An entry posted at a chosen moment, through the account's lock like postEntry. */
  async function post(
    organizationId: number,
    kind: "PURCHASE" | "REFUND" | "ADJUSTMENT",
    amountTiyn: bigint,
    createdAt: Date,
    cause: { orderId?: number; refundId?: number; createdById?: number },
  ) {
    await db.$transaction(async (tx) => {
      const balance = await lockBillingAccount(tx, organizationId);
      await tx.ledgerEntry.create({
        data: {
          organizationId,
          kind,
          amountTiyn,
          balanceAfterTiyn: balance + amountTiyn,
          ...cause,
          reason: kind === "ADJUSTMENT" ? "Тестовое пополнение" : null,
          createdAt,
        },
      });
    });
  }

  async function purchase(organizationId: number, lines: [number, bigint][], createdAt: Date) {
    const total = lines.reduce((acc, [, amount]) => acc + amount, 0n);
    const order = await db.order.create({
      data: {
        organizationId,
        status: "ACTIVATED",
        number: `M-${products[0]!.id}-${createdAt.getTime()}`,
        paymentMethod: "BALANCE",
        checkedOutAt: createdAt,
        paidAt: createdAt,
        amountTiyn: total,
        vatTiyn: 0n,
        activatedAt: createdAt,
        lines: {
          create: lines.map(([product, amount]) => ({
            productId: products[product]!.id,
            productPriceId: products[product]!.priceId,
            quantity: 1,
            unitPriceTiyn: amount,
            vatRate: 1600,
            amountTiyn: amount,
            vatTiyn: (amount * 16n) / 116n,
          })),
        },
      },
      select: { id: true },
    });
    await post(organizationId, "PURCHASE", -total, createdAt, { orderId: order.id });
  }

  async function refund(organizationId: number, amountTiyn: bigint, createdAt: Date, failedAt?: Date) {
    const row = await db.refund.create({
      data: {
        organizationId,
        amountTiyn,
        reason: "Возврат остатка",
        status: failedAt ? "FAILED" : "REQUESTED",
        settledAt: failedAt ?? null,
      },
      select: { id: true },
    });
    await post(organizationId, "REFUND", -amountTiyn, createdAt, { refundId: row.id });
    if (failedAt) await post(organizationId, "REFUND", amountTiyn, failedAt, { refundId: row.id });
  }

  beforeAll(async () => {
    for (const [sortOrder, kind] of (["VACANCY_PUBLICATION", "CONTACT_VIEWS"] as const).entries()) {
      const product = await createBillingProduct({ kind, priceTiyn: 100_00n });
      // The products' own order (the tariff page's) orders the columns.
      await db.product.update({ where: { id: product.id }, data: { sortOrder } });
      const price = await db.productPrice.findFirstOrThrow({ where: { productId: product.id }, select: { id: true } });
      products.push({ ...product, priceId: price.id });
    }
    const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    const org = await createVerifiedOrganization("EMPLOYER");
    await post(org.id, "ADJUSTMENT", 1_000_000_00n, at("2031-02-01T12:00:00"), { createdById: finance.id });

    await purchase(
      org.id,
      [
        [0, 5_000_00n],
        [1, 20_000_00n],
      ],
      LAST_OF_FIRST,
    );
    await purchase(org.id, [[0, 7_000_00n]], FIRST_OF_SECOND);
    await purchase(org.id, [[1, 1_00n]], at("2031-03-04T00:00:00"));
    await refund(org.id, 3_000_00n, at("2031-03-02T10:00:00"));
    // Requested on the second day, failed on the third: the money came back.
    await refund(org.id, 500_00n, at("2031-03-02T11:00:00"), at("2031-03-03T09:00:00"));
  });

  it("splits each day's purchases by product and subtracts the day's refunds", async () => {
    const result = await revenueMetrics(SUPERADMIN, RANGE);
    expect(result.products.map((p) => p.code)).toEqual(products.map((p) => p.code));
    expect(result.days).toEqual([
      { day: "2031-03-01", byProduct: [5_000_00n, 20_000_00n], purchases: 25_000_00n, refunds: 0n, net: 25_000_00n },
      { day: "2031-03-02", byProduct: [7_000_00n, 0n], purchases: 7_000_00n, refunds: 3_500_00n, net: 3_500_00n },
      { day: "2031-03-03", byProduct: [0n, 0n], purchases: 0n, refunds: -500_00n, net: 500_00n },
    ]);
    expect(result.total).toEqual({
      byProduct: [12_000_00n, 20_000_00n],
      purchases: 32_000_00n,
      refunds: 3_000_00n,
      net: 29_000_00n,
    });
  });

  it("gives the same numbers as CSV, amounts with a decimal comma and names made inert for spreadsheets", async () => {
    await db.product.update({ where: { id: products[1]!.id }, data: { nameRu: '=HYPERLINK("http://x")' } });
    const csv = await metricsCsv("revenue", { role: "FINANCE" }, RANGE, "ru");
    const text = csvRows([csv.header, ...csv.rows]);
    expect(text.split("\r\n")[0]).toBe(
      `День;Товар ${products[0]!.code};"'=HYPERLINK(""http://x"")";Покупки;Возвраты;За вычетом возвратов`,
    );
    expect(text.split("\r\n")[2]).toBe("2031-03-02;7000,00;0,00;7000,00;3500,00;3500,00");
    expect(text.split("\r\n")[3]).toBe("2031-03-03;0,00;0,00;0,00;-500,00;500,00");
  });

  it("is open to finance, empty ranges are zeros, bad ranges are refused", async () => {
    const empty = await revenueMetrics({ role: "FINANCE" }, { from: "2035-01-01", to: "2035-01-02" });
    expect(empty.products).toEqual([]);
    expect(empty.days).toEqual([
      { day: "2035-01-01", byProduct: [], purchases: 0n, refunds: 0n, net: 0n },
      { day: "2035-01-02", byProduct: [], purchases: 0n, refunds: 0n, net: 0n },
    ]);
    expect(await refusal(revenueMetrics({ role: "FINANCE" }, { from: "2031-03-02", to: "2031-03-01" }))).toBe(
      "VALIDATION:errors.billing.dateRangeInvalid",
    );
    expect(await refusal(revenueMetrics({ role: "FINANCE" }, { to: "tomorrow" }))).toBe("VALIDATION:errors.metrics.dayInvalid");
    for (const role of ["MODERATOR", "SUPPORT"] as const)
      expect(await refusal(revenueMetrics({ role }, RANGE))).toBe("FORBIDDEN:errors.forbidden");
  });
});
