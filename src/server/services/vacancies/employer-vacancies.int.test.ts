import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import type { VacancyInput } from "@/lib/validation/vacancy";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser, grantEntitlement } from "../../../../test/support/factories";
import { correctVacancy, decideVacancy } from "../admin/moderation";

import {
  archiveVacancy,
  deleteDraft,
  getOrganizationVacancy,
  republishVacancy,
  saveVacancy,
  submitVacancy,
} from "./employer-vacancies";

const DAY = 86_400_000;
const DUTIES =
  "Перевозка грузов по Казахстану на тягаче с полуприцепом. Обязанности: приём и сдача груза, контроль крепления, " +
  "ведение путевых листов, ежедневный осмотр автомобиля перед выездом. Требования: права категории CE, стаж от трёх лет.";

let cityId = 0;
let specs: number[] = [];
let orgId = 0;
let otherOrgId = 0;
let unverifiedOrgId = 0;
let manager = { id: 0, email: "" };
let moderator = { id: 0 };
const as = (userId: number) => ({ userId, ip: "127.0.0.1" });

const input = (overrides: Partial<VacancyInput> = {}): VacancyInput => ({
  title: "Водитель-дальнобойщик",
  specializationIds: [specs[0]!],
  cityId,
  salaryFrom: 400_000,
  salaryTo: 600_000,
  experience: "FROM_3_TO_6",
  employmentType: "FULL_TIME",
  schedule: "ROTATION",
  licenceCategories: ["CE"],
  description: `<p>${DUTIES}</p>`,
  publicationType: "STANDARD",
  ...overrides,
});

const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

const searchable = async (id: number) =>
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM vacancy_search WHERE vacancy_id = ${id}`)[0]?.n === 1;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "lifecycle-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (
    await db.city.create({ data: { regionId: region.id, slug: "lifecycle-city", nameRu: "Караганда", nameKk: "Қарағанды" } })
  ).id;
  const group = await db.specialization.create({ data: { slug: "lc-transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  specs = [];
  for (let i = 0; i < 8; i++) {
    specs.push(
      (
        await db.specialization.create({
          data: { slug: `lc-spec-${i}`, parentId: group.id, nameRu: `Спец ${i}`, nameKk: `Маман ${i}` },
        })
      ).id,
    );
  }
  manager = await createUser({ name: "Менеджер Вакансий" });
  moderator = await createUser({ staffRole: "MODERATOR" });
  orgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "MANAGER" }])).id;
  await db.organization.update({ where: { id: orgId }, data: { verification: "VERIFIED", verifiedAt: new Date() } });
  // Paid publications (credits-publication.int.test.ts covers what they do).
  for (const productCode of ["vacancy.standard", "vacancy.premium", "vacancy.anonymous"])
    await grantEntitlement({
      organizationId: orgId,
      productCode,
      unitsTotal: 50,
      validFrom: new Date(Date.now() - 30 * DAY),
      validUntil: new Date(Date.now() + 365 * DAY),
    });
  otherOrgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "MANAGER" }])).id;
  await db.organization.update({ where: { id: otherOrgId }, data: { verification: "VERIFIED" } });
  unverifiedOrgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "MANAGER" }])).id;
});

describe("the vacancy editor's rules", () => {
  it("removes contacts and links from the description, says what it removed, and flags suspicious schemes", async () => {
    const saved = await saveVacancy(
      orgId,
      null,
      input({
        description: `<p>${DUTIES}</p><p>Звоните +7 701 123 45 67 или пишите hr@dala.kz, подробности на https://dala.kz/jobs.</p><script>alert(1)</script><p onclick="x()">Без оклада, только процент с продаж.</p>`,
      }),
      as(manager.id),
    );
    expect(saved.status).toBe("DRAFT");
    expect(saved.removed.map((r) => r.kind).sort()).toEqual(["email", "link", "phone"]);
    expect(saved.flags).toContain("commissionOnly");
    const stored = await db.vacancy.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.description).not.toMatch(/701|hr@dala|https:|script|onclick|alert/);
    expect(stored.moderationFlags).toContain("commissionOnly");
    expect(stored.createdById).toBe(manager.id);
  });

  it("refuses bad input with the field's reason and writes nothing", async () => {
    const before = await db.vacancy.count();
    const cases: [Partial<VacancyInput>, string][] = [
      [{ specializationIds: [] }, "validation.vacancy.specializationsRange"],
      [{ specializationIds: specs.slice(0, 7) }, "validation.vacancy.specializationsRange"],
      [{ description: "<p>Коротко: водитель нужен.</p>".padEnd(150, " ") }, "validation.vacancy.descriptionTooShort"],
      [{ description: "x".repeat(10 * 1024 * 1024) }, "validation.vacancy.descriptionTooLong"],
      [{ salaryFrom: 500_000, salaryTo: 300_000 }, "validation.vacancy.salaryRange"],
      [{ salaryFrom: -5 }, "validation.vacancy.salary"],
      [{ title: "" }, "validation.vacancy.titleTooShort"],
      [{ publicationType: "ANONYMOUS", companyDescription: "" }, "validation.vacancy.companyDescriptionRequired"],
      [{ specializationIds: [999_999] }, "errors.vacancy.specializationUnknown"],
      [{ cityId: 999_999 }, "errors.cityUnknown"],
      [
        { description: `<script>${"alert(1);".repeat(30)}</script><p>Мало текста.</p>` },
        "validation.vacancy.descriptionTooShort",
      ],
    ];
    for (const [overrides, key] of cases)
      expect(await errorKey(saveVacancy(orgId, null, input(overrides), as(manager.id)))).toBe(key);
    expect(await db.vacancy.count()).toBe(before);
  });

  it("does not let one organisation reach another's vacancy through its own id", async () => {
    const mine = await saveVacancy(orgId, null, input(), as(manager.id));
    expect(await errorKey(saveVacancy(otherOrgId, mine.id, input({ title: "Чужая" }), as(manager.id)))).toBe(
      "errors.vacancy.notFound",
    );
    expect(await errorKey(submitVacancy(otherOrgId, mine.id, as(manager.id)))).toBe("errors.vacancy.notFound");
    expect(await errorKey(deleteDraft(otherOrgId, mine.id, as(manager.id)))).toBe("errors.vacancy.notFound");
    expect(await errorKey(getOrganizationVacancy(otherOrgId, mine.id))).toBe("errors.vacancy.notFound");
    expect((await db.vacancy.findUniqueOrThrow({ where: { id: mine.id } })).title).toBe("Водитель-дальнобойщик");
  });

  it("keeps an unverified organisation's vacancies as drafts", async () => {
    const draft = await saveVacancy(unverifiedOrgId, null, input(), as(manager.id));
    expect(await errorKey(submitVacancy(unverifiedOrgId, draft.id, as(manager.id)))).toBe("errors.vacancy.orgNotVerified");
    expect((await db.vacancy.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});

describe("the lifecycle with pre-moderation", () => {
  it("draft → submitted → returned with a reason → fixed and resubmitted → approved and public for 30 days", async () => {
    const draft = await saveVacancy(orgId, null, input(), as(manager.id));
    await submitVacancy(orgId, draft.id, as(manager.id));
    expect(await errorKey(submitVacancy(orgId, draft.id, as(manager.id)))).toBe("errors.vacancy.wrongState");

    await decideVacancy({ vacancyId: draft.id, decision: "return", reason: "Уточните график вахты." }, as(moderator.id));
    expect(await db.vacancy.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "RETURNED",
      moderationReason: "Уточните график вахты.",
    });
    const returned = await db.emailMessage.findFirstOrThrow({
      where: { toAddress: manager.email, template: "vacancy-decision" },
      orderBy: { id: "desc" },
    });
    expect(returned.text).toContain("Уточните график вахты.");

    await saveVacancy(orgId, draft.id, input({ description: `<p>${DUTIES} Вахта 15/15.</p>` }), as(manager.id));
    await submitVacancy(orgId, draft.id, as(manager.id));
    const now = new Date();
    await decideVacancy({ vacancyId: draft.id, decision: "approve" }, as(moderator.id), now);
    const published = await db.vacancy.findUniqueOrThrow({ where: { id: draft.id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.expiresAt?.getTime()).toBe(now.getTime() + 30 * DAY);
    expect(published.moderationReason).toBeNull();
    expect(await searchable(draft.id)).toBe(true);
    expect(
      await db.auditLog.count({
        where: { entityType: "vacancy", entityId: String(draft.id), action: { startsWith: "vacancy.moderation." } },
      }),
    ).toBe(2);
    const approved = await db.emailMessage.findFirstOrThrow({
      where: { toAddress: manager.email, template: "vacancy-decision" },
      orderBy: { id: "desc" },
    });
    expect(approved.subject).toContain("опубликована");
  });

  it("a published vacancy stays live for a salary change and goes back to moderation for new duties", async () => {
    const v = await saveVacancy(orgId, null, input(), as(manager.id));
    await submitVacancy(orgId, v.id, as(manager.id));
    await decideVacancy({ vacancyId: v.id, decision: "approve" }, as(moderator.id));

    const salaryOnly = await saveVacancy(
      orgId,
      v.id,
      input({ salaryFrom: 450_000, contactPhone: "+7 701 000 11 22" }),
      as(manager.id),
    );
    expect(salaryOnly).toMatchObject({ status: "PUBLISHED", backToModeration: false });
    expect(await searchable(v.id)).toBe(true);

    const newDuties = await saveVacancy(
      orgId,
      v.id,
      input({ salaryFrom: 450_000, title: "Водитель-экспедитор" }),
      as(manager.id),
    );
    expect(newDuties).toMatchObject({ status: "SUBMITTED", backToModeration: true });
    expect(await searchable(v.id)).toBe(false);
  });

  it("archive takes it down; republishing starts a new period; moderation can remove it", async () => {
    const v = await saveVacancy(orgId, null, input({ publicationType: "PREMIUM" }), as(manager.id));
    await submitVacancy(orgId, v.id, as(manager.id));
    await decideVacancy({ vacancyId: v.id, decision: "approve" }, as(moderator.id), new Date(Date.now() - 10 * DAY));
    await archiveVacancy(orgId, v.id, as(manager.id));
    expect((await db.vacancy.findUniqueOrThrow({ where: { id: v.id } })).status).toBe("ARCHIVED");
    expect(await searchable(v.id)).toBe(false);
    expect(await errorKey(saveVacancy(orgId, v.id, input(), as(manager.id)))).toBe("errors.vacancy.notEditable");

    const now = new Date();
    await republishVacancy(orgId, v.id, as(manager.id), now);
    const again = await db.vacancy.findUniqueOrThrow({ where: { id: v.id } });
    expect(again).toMatchObject({ status: "PUBLISHED", publishedAt: now });
    expect(again.premiumUntil?.getTime()).toBe(now.getTime() + 7 * DAY);
    expect(await searchable(v.id)).toBe(true);

    expect(await errorKey(decideVacancy({ vacancyId: v.id, decision: "remove", reason: "" }, as(moderator.id)))).toBe(
      "validation.reasonRequired",
    );
    await decideVacancy({ vacancyId: v.id, decision: "remove", reason: "Финансовая пирамида." }, as(moderator.id));
    expect(await db.vacancy.findUniqueOrThrow({ where: { id: v.id } })).toMatchObject({
      status: "REMOVED",
      moderationReason: "Финансовая пирамида.",
    });
    expect(await searchable(v.id)).toBe(false);
  });

  it("a moderator's correction is kept for the employer to see; delete removes the vacancy", async () => {
    const v = await saveVacancy(orgId, null, input({ specializationIds: [specs[1]!] }), as(manager.id));
    await submitVacancy(orgId, v.id, as(manager.id));
    await correctVacancy({ vacancyId: v.id, title: "Водитель категории CE", specializationIds: [specs[0]!] }, as(moderator.id));
    const corrected = await getOrganizationVacancy(orgId, v.id);
    expect(corrected.title).toBe("Водитель категории CE");
    expect(corrected.specializationIds).toEqual([specs[0]]);
    expect((corrected.moderatorChanges as { field: string }[]).map((c) => c.field)).toEqual(["title", "specializations"]);

    await decideVacancy({ vacancyId: v.id, decision: "delete", reason: "Дубликат вакансии." }, as(moderator.id));
    expect(await db.vacancy.findUnique({ where: { id: v.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "vacancy.moderation.delete", entityId: String(v.id) } })).toBe(1);
  });

  it("a draft can be deleted by its organisation, a published vacancy cannot", async () => {
    const v = await saveVacancy(orgId, null, input(), as(manager.id));
    await deleteDraft(orgId, v.id, as(manager.id));
    expect(await db.vacancy.findUnique({ where: { id: v.id } })).toBeNull();
    const live = await saveVacancy(orgId, null, input(), as(manager.id));
    await submitVacancy(orgId, live.id, as(manager.id));
    await decideVacancy({ vacancyId: live.id, decision: "approve" }, as(moderator.id));
    expect(await errorKey(deleteDraft(orgId, live.id, as(manager.id)))).toBe("errors.vacancy.wrongState");
  });
});
