import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";
import { resetLimit } from "../auth/rate-limit";

import { createComplaint } from "./create-complaint";

const DAY = 24 * 60 * 60 * 1000;
const unique = () => randomBytes(4).toString("hex");
let cityId: number;
let organizationId: number;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: `region-${unique()}`, nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({
    data: { regionId: region.id, slug: `city-${unique()}`, nameRu: "Город", nameKk: "Қала" },
  });
  cityId = city.id;
  organizationId = (await createOrganization("EMPLOYER")).id;
});

async function createVacancy(overrides: Partial<Prisma.VacancyUncheckedCreateInput> = {}) {
  const now = Date.now();
  return db.vacancy.create({
    data: {
      organizationId,
      cityId,
      title: "Водитель категории C",
      slug: "voditel-kategorii-c",
      description: "<p>Перевозки по городу.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(now - DAY),
      expiresAt: new Date(now + 29 * DAY),
      ...overrides,
    },
    select: { id: true, organizationId: true },
  });
}

const guest = { user: null, ip: null };
const message = "Просят оплатить «обучение» до собеседования.";

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("NOT_FOUND");
  expect((error as DomainError).messageKey).toBe("errors.vacancyUnavailable");
}

describe("createComplaint", () => {
  it("stores a guest's complaint as a NEW ticket with the vacancy and its organisation", async () => {
    const vacancy = await createVacancy();
    const created = await createComplaint(
      {
        vacancyId: vacancy.id,
        reason: "FRAUD",
        message: `  ${message}  `,
        name: " Айгерим ",
        email: " Guest@Example.KZ ",
        locale: "kk",
      },
      guest,
    );
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(ticket).toMatchObject({
      kind: "COMPLAINT",
      status: "NEW",
      reason: "FRAUD",
      vacancyId: vacancy.id,
      organizationId: vacancy.organizationId,
      authorId: null,
      authorName: "Айгерим",
      authorEmail: "guest@example.kz",
      locale: "kk",
      message,
    });
    expect(created.status).toBe("NEW");
  });

  it("lets a guest leave out the name but not the email", async () => {
    const vacancy = await createVacancy();
    const created = await createComplaint(
      { vacancyId: vacancy.id, reason: "OUTDATED", message, name: "", email: "a@example.kz" },
      guest,
    );
    expect(await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      authorName: null,
      locale: "ru",
    });

    const before = await db.ticket.count();
    for (const email of [undefined, "", "   "]) {
      const error = await createComplaint({ vacancyId: vacancy.id, reason: "OUTDATED", message, email }, guest).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual(["email"]);
    }
    expect(await db.ticket.count()).toBe(before);
  });

  it("links a signed-in author and answers at the account's email", async () => {
    const vacancy = await createVacancy();
    const user = await createUser({ name: "Ерлан Сейтқали" });
    const created = await createComplaint(
      { vacancyId: vacancy.id, reason: "WRONG_CONTACTS", message, name: "Кто-то", email: "other@example.kz" },
      { user, ip: null },
    );
    expect(await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      authorId: user.id,
      authorName: user.name,
      authorEmail: user.email,
      reason: "WRONG_CONTACTS",
    });
  });

  it("refuses vacancies guests cannot see and writes nothing", async () => {
    const past = new Date(Date.now() - DAY);
    const blocked = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: blocked.id }, data: { blockedAt: past } });
    const hidden = await Promise.all([
      createVacancy({ status: "ARCHIVED", archivedAt: past }),
      createVacancy({ status: "DRAFT", publishedAt: null }),
      createVacancy({ publicationType: "CLOSED" }),
      createVacancy({ expiresAt: past }),
      createVacancy({ organizationId: blocked.id }),
    ]);
    const before = await db.ticket.count();
    for (const vacancy of [...hidden, { id: 2_000_000_000 }]) {
      await expectNotFound(createComplaint({ vacancyId: vacancy.id, reason: "OTHER", message, email: "g@example.kz" }, guest));
    }
    expect(await db.ticket.count()).toBe(before);
  });

  it("accepts an anonymous vacancy and still records its organisation", async () => {
    const vacancy = await createVacancy({ publicationType: "ANONYMOUS", companyDescription: "Крупная логистическая компания." });
    const created = await createComplaint(
      { vacancyId: vacancy.id, reason: "DISCRIMINATION", message, email: "g@example.kz" },
      guest,
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).organizationId).toBe(organizationId);
  });

  it("rejects invalid input and writes nothing", async () => {
    const vacancy = await createVacancy();
    const before = await db.ticket.count();
    const cases: [unknown, string][] = [
      [{ vacancyId: vacancy.id, reason: "SPAM", message, email: "g@example.kz" }, "reason"],
      [{ vacancyId: vacancy.id, message, email: "g@example.kz" }, "reason"],
      [{ vacancyId: vacancy.id, reason: "FRAUD", message: "  коротко  ", email: "g@example.kz" }, "message"],
      [{ vacancyId: vacancy.id, reason: "FRAUD", message: "х".repeat(2001), email: "g@example.kz" }, "message"],
      [{ vacancyId: vacancy.id, reason: "FRAUD", message, email: "not-an-email" }, "email"],
      [{ vacancyId: vacancy.id, reason: "FRAUD", message, name: "я".repeat(121), email: "g@example.kz" }, "name"],
      [{ vacancyId: -1, reason: "FRAUD", message, email: "g@example.kz" }, "vacancyId"],
    ];
    for (const [input, field] of cases) {
      const error = await createComplaint(input as never, guest).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(ZodError);
      expect(
        (error as ZodError).issues.map((i) => i.path.join(".")),
        field,
      ).toContain(field);
    }
    expect(await db.ticket.count()).toBe(before);
  });

  it("limits complaints per IP", async () => {
    const vacancy = await createVacancy();
    const ip = `10.77.${Math.floor(Math.random() * 250)}.1`;
    await resetLimit("complaintPerIp", ip);
    const input = { vacancyId: vacancy.id, reason: "FRAUD" as const, message, email: "g@example.kz" };
    for (let i = 0; i < 10; i++) await createComplaint(input, { user: null, ip });
    const before = await db.ticket.count();
    const error = await createComplaint(input, { user: null, ip }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("RATE_LIMITED");
    expect((error as DomainError).options.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.ticket.count()).toBe(before);
    // Another address is not affected.
    await expect(createComplaint(input, { user: null, ip: `${ip}0` })).resolves.toMatchObject({ status: "NEW" });
  });
});
