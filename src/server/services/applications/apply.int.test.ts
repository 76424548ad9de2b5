import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { applyContext, applyToVacancy, listMyApplications, withdrawApplication } from "./apply";
import { addNote, respondToApplications } from "./employer-inbox";

let cityId = 0;
let orgId = 0;
let owner = { id: 0, email: "" };
const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

async function vacancy(
  data: { status?: "PUBLISHED" | "ARCHIVED"; publicationType?: "STANDARD" | "CLOSED"; expiresAt?: Date } = {},
) {
  return db.vacancy.create({
    data: {
      organizationId: orgId,
      title: "Оператор склада",
      slug: "operator-sklada",
      description: "<p>Описание.</p>",
      cityId,
      status: data.status ?? "PUBLISHED",
      publicationType: data.publicationType ?? "STANDARD",
      publishedAt: new Date(),
      expiresAt: data.expiresAt ?? new Date(Date.now() + 86_400_000),
    },
  });
}

async function seeker(options: { phone?: string | null; verified?: boolean } = {}) {
  const user = await createUser({ isSeeker: true, verified: options.verified ?? true });
  await db.user.update({ where: { id: user.id }, data: { phone: options.phone === undefined ? "+77011112233" : options.phone } });
  const resume = await db.resume.create({ data: { userId: user.id, title: "Оператор склада" } });
  return { ...user, resumeId: resume.id };
}

const message = "Работал кладовщиком три года, знаю 1С и складской учёт.";

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "apply-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "apply-city", nameRu: "Актобе", nameKk: "Ақтөбе" } })).id;
  owner = await createUser();
  orgId = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
});

describe("applying", () => {
  it("applies with a resume once, tells the employer, and shows in the seeker's list", async () => {
    const v = await vacancy();
    const s = await seeker();
    const context = await applyContext(s.id, v.id);
    expect(context.resumes.map((r) => r.id)).toEqual([s.resumeId]);
    const result = await applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, message });
    expect(result.deliveryFailed).toBe(false);
    const mail = await db.emailMessage.findFirstOrThrow({
      where: { toAddress: owner.email, template: "new-application" },
      orderBy: { id: "desc" },
    });
    expect(mail.subject).toContain("Оператор склада");
    expect(await errorKey(applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, message }))).toBe("errors.apply.already");
    expect(await db.application.count({ where: { vacancyId: v.id } })).toBe(1);
    expect((await applyContext(s.id, v.id)).existing).toMatchObject({ status: "SENT" });
  });

  it("saves a phone given with the application when the profile has none, and requires one otherwise", async () => {
    const v = await vacancy();
    const s = await seeker({ phone: null });
    expect(await errorKey(applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, message: null }))).toBe(
      "errors.apply.phoneRequired",
    );
    expect(await errorKey(applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, phone: "12345" }))).toBe(
      "validation.phoneKz",
    );
    await applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, phone: "+7 705 444 55 66" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.id } })).phone).toBe("+77054445566");
  });

  it("refuses closed, archived and expired vacancies, unverified emails, other people's resumes and an empty quick application", async () => {
    const s = await seeker();
    const other = await seeker();
    for (const v of [
      await vacancy({ publicationType: "CLOSED" }),
      await vacancy({ status: "ARCHIVED" }),
      await vacancy({ expiresAt: new Date(Date.now() - 1000) }),
    ]) {
      expect(await errorKey(applyToVacancy(s.id, { vacancyId: v.id, resumeId: s.resumeId, message }))).toBe(
        "errors.vacancyUnavailable",
      );
    }
    const live = await vacancy();
    const unverified = await seeker({ verified: false });
    expect(await errorKey(applyToVacancy(unverified.id, { vacancyId: live.id, resumeId: unverified.resumeId }))).toBe(
      "errors.apply.emailNotVerified",
    );
    expect(await errorKey(applyToVacancy(s.id, { vacancyId: live.id, resumeId: other.resumeId }))).toBe(
      "errors.apply.resumeNotFound",
    );
    expect(await errorKey(applyToVacancy(s.id, { vacancyId: live.id, resumeId: null, message: "Хочу" }))).toBe(
      "validation.applyMessageRequired",
    );
    const employee = await createUser({ isSeeker: false });
    expect(await errorKey(applyToVacancy(employee.id, { vacancyId: live.id, resumeId: null, message }))).toBe(
      "errors.apply.seekersOnly",
    );
    expect(await db.application.count({ where: { seekerId: s.id } })).toBe(0);
    await applyToVacancy(s.id, { vacancyId: live.id, resumeId: null, message });
  });

  it("shows the employer's answers but never their notes; withdrawing works until the employer answers", async () => {
    const v = await vacancy();
    const [a, b] = [await seeker(), await seeker()];
    const first = await applyToVacancy(a.id, { vacancyId: v.id, resumeId: a.resumeId });
    const second = await applyToVacancy(b.id, { vacancyId: v.id, resumeId: b.resumeId });
    await addNote(orgId, first.id, "Внутренняя заметка", { userId: owner.id, ip: null });
    await respondToApplications(orgId, { applicationIds: [first.id], decision: "INVITE" }, { userId: owner.id, ip: null });
    const [mine] = await listMyApplications(a.id);
    expect(mine?.status).toBe("INVITED");
    expect(mine?.messages.map((m) => m.body).join("\n")).toContain("собеседование");
    expect(mine?.messages.some((m) => m.body.includes("Внутренняя"))).toBe(false);
    expect(await errorKey(withdrawApplication(a.id, first.id))).toBe("errors.apply.cannotWithdraw");
    expect(await errorKey(withdrawApplication(a.id, second.id))).toBe("errors.applications.notFound");
    await withdrawApplication(b.id, second.id);
    expect((await db.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("WITHDRAWN");
  });
});
