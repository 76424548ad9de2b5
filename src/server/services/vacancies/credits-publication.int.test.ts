import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createUser, createVerifiedOrganization, grantEntitlement } from "../../../../test/support/factories";
import { correctVacancy, decideVacancy } from "../admin/moderation";

import { archiveVacancy, deleteDraft, republishVacancy, saveVacancy, submitVacancy } from "./employer-vacancies";

// Paid publication (H 4.6, 4.19-4.20): a vacancy takes a credit of its type when the employer
// submits it; approval publishes with that credit; removal by moderation gives it back; deletion
// does not; a republication takes a new one.

const DAY = 86_400_000;
const DUTIES =
  "Доставка грузов по городу и области на грузовике категории C. Обязанности: погрузка и разгрузка вместе с грузчиками, " +
  "ведение путевых листов, ежедневный осмотр автомобиля перед выездом. Требования: права категории C, стаж от года, " +
  "аккуратность и знание города.";
const as = (userId: number) => ({ userId, ip: "127.0.0.1" });
let cityId = 0;
let specializationId = 0;
let moderator = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "credit-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "credit-city", nameRu: "Город", nameKk: "Қала" } })).id;
  specializationId = (
    await db.specialization.create({ data: { slug: "credit-driver", nameRu: "Водитель", nameKk: "Жүргізуші" } })
  ).id;
  moderator = (await createUser({ staffRole: "MODERATOR" })).id;
});

async function employer(credits: { standard?: number; premium?: number; validUntil?: Date } = {}) {
  const manager = (await createUser()).id;
  const org = await createVerifiedOrganization("EMPLOYER", [{ userId: manager, role: "MANAGER" }]);
  const grant = async (productCode: string, units: number) =>
    units > 0
      ? grantEntitlement({
          organizationId: org.id,
          productCode,
          unitsTotal: units,
          validFrom: new Date(Date.now() - DAY),
          validUntil: credits.validUntil ?? new Date(Date.now() + 30 * DAY),
        })
      : null;
  await grant("vacancy.standard", credits.standard ?? 0);
  await grant("vacancy.premium", credits.premium ?? 0);
  return { orgId: org.id, manager };
}

function vacancyInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Водитель-экспедитор",
    specializationIds: [specializationId],
    cityId,
    salaryFrom: 300_000,
    salaryTo: 400_000,
    experience: "FROM_1_TO_3",
    employmentType: "FULL_TIME",
    schedule: "FULL_DAY",
    licenceCategories: ["C"],
    description: `<p>${DUTIES}</p>`,
    publicationType: "STANDARD",
    ...overrides,
  };
}

async function draft(orgId: number, manager: number, publicationType: "STANDARD" | "PREMIUM" = "STANDARD") {
  return (await saveVacancy(orgId, null, vacancyInput({ publicationType }), as(manager))).id;
}

const used = async (orgId: number) =>
  (await db.entitlement.findMany({ where: { organizationId: orgId }, select: { unitsUsed: true } })).reduce(
    (n, e) => n + e.unitsUsed,
    0,
  );
const vacancyOf = (id: number) => db.vacancy.findUniqueOrThrow({ where: { id }, select: { status: true, creditUseId: true } });
const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : String(e)),
  );

describe("paid publication", () => {
  it("without a credit of its type a vacancy cannot be submitted, and nothing changes", async () => {
    const { orgId, manager } = await employer({ premium: 2 });
    const id = await draft(orgId, manager, "STANDARD");
    expect(await refused(submitVacancy(orgId, id, as(manager)))).toBe("CONFLICT errors.billing.noCredit");
    expect(await vacancyOf(id)).toEqual({ status: "DRAFT", creditUseId: null });
    expect(await used(orgId)).toBe(0);
    expect(await db.entitlementUse.count({ where: { vacancyId: id } })).toBe(0);
  });

  it("submitting takes a credit, a return and a resubmission keep it, approval publishes with it", async () => {
    const { orgId, manager } = await employer({ standard: 2 });
    const id = await draft(orgId, manager);
    await submitVacancy(orgId, id, as(manager));
    const held = (await vacancyOf(id)).creditUseId;
    expect(held).not.toBeNull();
    expect(await used(orgId)).toBe(1);
    await decideVacancy({ vacancyId: id, decision: "return", reason: "Уточните график работы." }, as(moderator));
    await submitVacancy(orgId, id, as(manager));
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator));
    expect(await vacancyOf(id)).toEqual({ status: "PUBLISHED", creditUseId: held });
    expect(await used(orgId)).toBe(1);
  });

  it("removal by moderation gives the credit back; deletion does not", async () => {
    const { orgId, manager } = await employer({ standard: 2 });
    const [removed, deleted] = [await draft(orgId, manager), await draft(orgId, manager)];
    for (const id of [removed, deleted]) {
      await submitVacancy(orgId, id, as(manager));
      await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator));
    }
    expect(await used(orgId)).toBe(2);
    await decideVacancy({ vacancyId: removed, decision: "remove", reason: "Запрещённая схема оплаты." }, as(moderator));
    expect(await vacancyOf(removed)).toEqual({ status: "REMOVED", creditUseId: null });
    expect(await used(orgId)).toBe(1);
    const use = await db.entitlementUse.findFirstOrThrow({ where: { vacancyId: removed } });
    expect(use.returnReason).toBe("Запрещённая схема оплаты.");
    await decideVacancy({ vacancyId: deleted, decision: "delete", reason: "Дубликат вакансии." }, as(moderator));
    expect(await used(orgId)).toBe(1);
  });

  it("a republication from the archive takes a new credit", async () => {
    const { orgId, manager } = await employer({ standard: 2 });
    const id = await draft(orgId, manager);
    await submitVacancy(orgId, id, as(manager));
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator));
    await archiveVacancy(orgId, id, as(manager));
    await republishVacancy(orgId, id, as(manager));
    expect(await used(orgId)).toBe(2);
    await archiveVacancy(orgId, id, as(manager));
    expect(await refused(republishVacancy(orgId, id, as(manager)))).toBe("CONFLICT errors.billing.noCredit");
    expect((await vacancyOf(id)).status).toBe("ARCHIVED");
  });

  it("changing the type of a submitted vacancy swaps its credit; without one of the new type the edit is refused", async () => {
    const { orgId, manager } = await employer({ standard: 1, premium: 1 });
    const id = await draft(orgId, manager);
    await submitVacancy(orgId, id, as(manager));
    const vacancy = await db.vacancy.findUniqueOrThrow({ where: { id }, include: { specializations: true } });
    const edit = (publicationType: "STANDARD" | "PREMIUM" | "ANONYMOUS") =>
      saveVacancy(
        orgId,
        id,
        {
          title: vacancy.title,
          specializationIds: [specializationId],
          cityId,
          salaryFrom: 300_000,
          salaryTo: 400_000,
          experience: "FROM_1_TO_3",
          employmentType: "FULL_TIME",
          schedule: "FULL_DAY",
          licenceCategories: ["C"],
          description: vacancy.description,
          companyDescription: "Логистическая компания с собственным автопарком в Караганде.",
          publicationType,
        },
        as(manager),
      );
    await edit("PREMIUM");
    const entitlements = await db.entitlement.findMany({
      where: { organizationId: orgId },
      select: { publicationType: true, unitsUsed: true },
      orderBy: { id: "asc" },
    });
    expect(entitlements).toEqual([
      { publicationType: "STANDARD", unitsUsed: 0 },
      { publicationType: "PREMIUM", unitsUsed: 1 },
    ]);
    expect(await refused(edit("ANONYMOUS"))).toBe("CONFLICT errors.billing.noCredit");
    expect((await db.vacancy.findUniqueOrThrow({ where: { id } })).publicationType).toBe("PREMIUM");
  });

  it("a vacancy corrected and returned by the moderator, edited and resubmitted keeps its one credit", async () => {
    const { orgId, manager } = await employer({ standard: 1 });
    const id = await draft(orgId, manager);
    await submitVacancy(orgId, id, as(manager));
    await correctVacancy({ vacancyId: id, specializationIds: [specializationId] }, as(moderator));
    await decideVacancy({ vacancyId: id, decision: "return", reason: "Уточните график работы." }, as(moderator));
    const v = await db.vacancy.findUniqueOrThrow({ where: { id } });
    await saveVacancy(
      orgId,
      id,
      {
        title: v.title,
        specializationIds: [specializationId],
        cityId,
        salaryFrom: 300_000,
        salaryTo: 400_000,
        experience: "FROM_1_TO_3",
        employmentType: "FULL_TIME",
        schedule: "FULL_DAY",
        licenceCategories: ["C"],
        description: v.description + "<p>График: вахта 15/15.</p>",
        publicationType: "STANDARD",
      },
      as(manager),
    );
    expect(await refused(submitVacancy(orgId, id, as(manager)))).toBe("resolved");
    expect(await used(orgId)).toBe(1);
  });

  it("a lapsed credit cannot pay", async () => {
    const { orgId, manager } = await employer({ standard: 3, validUntil: new Date(Date.now() - 1000) });
    const id = await draft(orgId, manager);
    expect(await refused(submitVacancy(orgId, id, as(manager)))).toBe("CONFLICT errors.billing.noCredit");
  });

  it("two submissions racing for the last credit: exactly one wins", async () => {
    const { orgId, manager } = await employer({ standard: 1 });
    const ids = [await draft(orgId, manager), await draft(orgId, manager), await draft(orgId, manager)];
    const results = await Promise.all(ids.map((id) => refused(submitVacancy(orgId, id, as(manager)))));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT errors.billing.noCredit")).toHaveLength(2);
    expect(await used(orgId)).toBe(1);
    expect(await db.vacancy.count({ where: { id: { in: ids }, status: "SUBMITTED" } })).toBe(1);
  });

  it("an edit approved again within the paid period keeps its end and premium days, and no new credit", async () => {
    const { orgId, manager } = await employer({ premium: 2, validUntil: new Date(Date.now() + 90 * DAY) });
    const id = await draft(orgId, manager, "PREMIUM");
    const t0 = new Date();
    await submitVacancy(orgId, id, as(manager), t0);
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator), t0);
    const first = await db.vacancy.findUniqueOrThrow({
      where: { id },
      select: { publishedAt: true, expiresAt: true, premiumUntil: true },
    });

    const t5 = new Date(t0.getTime() + 5 * DAY);
    const edited = await saveVacancy(
      orgId,
      id,
      vacancyInput({ title: "Водитель-экспедитор на газель", publicationType: "PREMIUM" }),
      as(manager),
      t5,
    );
    expect(edited).toMatchObject({ status: "SUBMITTED", backToModeration: true });
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator), new Date(t5.getTime() + DAY));
    const again = await db.vacancy.findUniqueOrThrow({
      where: { id },
      select: { status: true, publishedAt: true, expiresAt: true, premiumUntil: true },
    });
    expect(again).toEqual({ status: "PUBLISHED", ...first });
    expect(await used(orgId)).toBe(1);
  });

  it("an edit approved after the paid period ended takes a new credit and starts a new period", async () => {
    const { orgId, manager } = await employer({ standard: 1, validUntil: new Date(Date.now() + 90 * DAY) });
    const id = await draft(orgId, manager);
    const t0 = new Date();
    await submitVacancy(orgId, id, as(manager), t0);
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator), t0);
    await saveVacancy(
      orgId,
      id,
      vacancyInput({ title: "Водитель-экспедитор на газель" }),
      as(manager),
      new Date(t0.getTime() + 29 * DAY),
    );
    const late = new Date(t0.getTime() + 31 * DAY);
    // The only credit paid for the first period: approval is refused and nothing changes.
    expect(await refused(decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator), late))).toBe(
      "CONFLICT errors.billing.noCredit",
    );
    expect((await vacancyOf(id)).status).toBe("SUBMITTED");
    expect(await used(orgId)).toBe(1);

    await grantEntitlement({
      organizationId: orgId,
      productCode: "vacancy.standard",
      unitsTotal: 1,
      validFrom: new Date(Date.now() - DAY),
      validUntil: new Date(Date.now() + 90 * DAY),
    });
    await decideVacancy({ vacancyId: id, decision: "approve" }, as(moderator), late);
    const renewed = await db.vacancy.findUniqueOrThrow({ where: { id }, select: { publishedAt: true, expiresAt: true } });
    expect(renewed).toEqual({ publishedAt: late, expiresAt: new Date(late.getTime() + 30 * DAY) });
    expect(await used(orgId)).toBe(2);
  });

  it("deleting a returned vacancy gives back the credit it held; a submitted one cannot be deleted", async () => {
    const { orgId, manager } = await employer({ standard: 2 });
    const [returned, submitted] = [await draft(orgId, manager), await draft(orgId, manager)];
    await submitVacancy(orgId, returned, as(manager));
    await submitVacancy(orgId, submitted, as(manager));
    await decideVacancy({ vacancyId: returned, decision: "return", reason: "Уточните график работы." }, as(moderator));
    expect(await used(orgId)).toBe(2);

    expect(await refused(deleteDraft(orgId, submitted, as(manager)))).toBe("CONFLICT errors.vacancy.wrongState");
    expect(await used(orgId)).toBe(2);
    await deleteDraft(orgId, returned, as(manager));
    expect(await db.vacancy.count({ where: { id: returned } })).toBe(0);
    expect(await used(orgId)).toBe(1);
    const use = await db.entitlementUse.findFirstOrThrow({
      where: { returnReason: "deleted before publication", entitlement: { organizationId: orgId } },
    });
    expect(use.vacancyId).toBeNull();
  });
});
