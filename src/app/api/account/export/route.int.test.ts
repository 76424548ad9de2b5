import { randomBytes } from "node:crypto";

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";

import { createOrganization, createUser, ensureLegalDocuments, signedIn } from "../../../../../test/support/factories";

// getCurrentUser needs Next's request scope; here it returns the user set per test (a real session).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

const request = (query = "") => new Request(`http://localhost:3000/api/account/export${query}`);

let cityId = 0;

beforeAll(async () => {
  await ensureLegalDocuments();
  const region = await db.region.create({ data: { slug: "export-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "export-city", nameRu: "Город", nameKk: "Қала" } })).id;
});

beforeEach(() => {
  session.user = null;
});

/** Two seekers who applied to the same vacancy of an organisation with two members. */
async function scene() {
  const tag = randomBytes(3).toString("hex");
  const owner = await createUser({ isSeeker: false, email: `owner-${tag}@company.kz`, name: "Владелец Компании" });
  const colleague = await createUser({ isSeeker: false, email: `colleague-${tag}@company.kz`, name: "Коллега Владельца" });
  const org = await createOrganization("EMPLOYER", [
    { userId: owner.id, role: "OWNER" },
    { userId: colleague.id, role: "MANAGER" },
  ]);
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: org.id,
      title: "Курьер",
      slug: "kurer",
      description: "<p>Доставка.</p>",
      cityId,
      status: "PUBLISHED",
    },
  });
  const me = await createUser({ isSeeker: true, email: `me-${tag}@example.kz`, name: "Мадина Экспортова" });
  await db.user.update({ where: { id: me.id }, data: { phone: "+77015550011" } });
  const other = await createUser({ isSeeker: true, email: `other-${tag}@example.kz`, name: "Чужой Человек" });
  const privacy = await db.legalDocument.findFirstOrThrow({ where: { kind: "PRIVACY" } });
  await db.consent.create({
    data: { userId: me.id, purpose: "MARKETING", granted: true, documentId: privacy.id, ip: "10.1.1.1" },
  });
  // The privacy policy only, from a known address (in place of the factory's acceptances).
  await db.legalAcceptance.deleteMany({ where: { userId: me.id } });
  await db.legalAcceptance.create({ data: { userId: me.id, documentId: privacy.id, ip: "10.1.1.1" } });
  const resume = await db.resume.create({
    data: {
      userId: me.id,
      title: "Курьер на авто",
      licences: { create: [{ category: "B", yearObtained: 2018 }] },
      experiences: { create: [{ company: "ТОО «Доставка»", position: "Курьер", startedOn: new Date("2021-01-01") }] },
    },
  });
  await db.resume.create({ data: { userId: other.id, title: "Чужое резюме" } });
  await db.application.create({
    data: {
      vacancyId: vacancy.id,
      seekerId: me.id,
      resumeId: resume.id,
      message: "Готова начать завтра.",
      messages: {
        create: [
          { authorId: owner.id, body: "Ждём вас в понедельник.", isInternal: false },
          { authorId: owner.id, body: "ВНУТРЕННЯЯ ЗАМЕТКА: проверить стаж.", isInternal: true },
        ],
      },
    },
  });
  await db.application.create({ data: { vacancyId: vacancy.id, seekerId: other.id, message: "Чужой отклик." } });
  await db.savedVacancy.create({ data: { userId: me.id, vacancyId: vacancy.id } });
  await db.subscription.create({ data: { userId: me.id, name: "Курьеры", criteria: { q: "курьер" } } });
  await db.emailMessage.create({
    data: {
      userId: me.id,
      toAddress: me.email,
      fromAddress: "no-reply@jumys.kz",
      subject: "Ответ на отклик",
      html: "<p>…</p>",
      text: "…",
      template: "applicant-response",
      transport: "outbox",
    },
  });
  await db.emailMessage.create({
    data: {
      userId: other.id,
      toAddress: other.email,
      fromAddress: "no-reply@jumys.kz",
      subject: "Чужое письмо",
      html: "<p>…</p>",
      text: "…",
      template: "applicant-response",
      transport: "outbox",
    },
  });
  await db.ticket.create({
    data: { kind: "FEEDBACK", authorId: me.id, authorName: me.name, authorEmail: me.email, message: "Спасибо за сайт!" },
  });
  await db.ticket.create({
    data: { kind: "FEEDBACK", authorId: other.id, authorEmail: other.email, message: "Чужое обращение." },
  });
  await db.membership.create({ data: { userId: me.id, organizationId: org.id, role: "OBSERVER" } });
  await db.emailToken.create({
    data: {
      userId: me.id,
      purpose: "CHANGE_EMAIL",
      email: `me-new-${tag}@example.kz`,
      secretHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { me, other, owner, colleague };
}

describe("GET /api/account/export", () => {
  it("answers a guest with 401 in the page's language, never cached", async () => {
    const response = await GET(request("?locale=kk"));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toEqual({ error: { message: "Жалғастыру үшін кіріңіз." } });
  });

  it("downloads everything held about the person, and nothing about anyone else", async () => {
    const { me, other, owner, colleague } = await scene();
    session.user = await signedIn(me.id);
    const response = await GET(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="jumys-data-\d+-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("cache-control")).toContain("private");
    const text = await response.text();
    const data = JSON.parse(text) as Record<string, unknown> & {
      profile: Record<string, unknown>;
      applications: { message: string; messages: { body: string; from: string }[] }[];
      resumes: { title: string; licences: unknown[]; experiences: unknown[] }[];
    };

    expect(data.profile).toMatchObject({ email: me.email, name: "Мадина Экспортова", phone: "+77015550011", passwordSet: true });
    expect(data.resumes).toHaveLength(1);
    expect(data.resumes[0]).toMatchObject({ title: "Курьер на авто", licences: [{ category: "B", yearObtained: 2018 }] });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]!.messages).toEqual([
      expect.objectContaining({ body: "Ждём вас в понедельник.", from: "employer" }),
    ]);
    for (const key of [
      "consents",
      "legalAcceptances",
      "sessions",
      "savedVacancies",
      "subscriptions",
      "emails",
      "tickets",
      "memberships",
    ]) {
      expect({ key, count: (data[key] as unknown[]).length }).toEqual({ key, count: 1 });
    }
    expect(data.pendingEmailChange).toMatchObject({ email: expect.stringMatching(/^me-new-/) });

    // Nobody else's data, no internal notes, no secrets.
    for (const foreign of [
      other.email,
      "Чужое резюме",
      "Чужой отклик.",
      "Чужое письмо",
      "Чужое обращение.",
      colleague.email,
      owner.email,
    ]) {
      expect(text).not.toContain(foreign);
    }
    expect(text).not.toContain("ВНУТРЕННЯЯ ЗАМЕТКА");
    expect(text).not.toMatch(/passwordHash|secretHash|argon2|"id": "[0-9a-f-]{36}"/);
    expect(text).not.toContain(session.user.sessionId);
  });
});
