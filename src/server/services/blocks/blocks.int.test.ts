import { TRPCError } from "@trpc/server";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { parseSearchParams } from "@/lib/search/params";
import { vacancyPath } from "@/lib/urls";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import {
  createOrganization,
  createUser,
  createVerifiedOrganization,
  signedIn,
  TEST_PASSWORD,
} from "../../../../test/support/factories";
import proxy from "../../../proxy";
import { applyToVacancy } from "../applications/apply";
import { signInWithPassword } from "../auth/authenticate";
import { resetLimit } from "../auth/rate-limit";
import { resolveSession } from "../auth/sessions";
import { invalidateCatalog } from "../catalog/catalog";
import { authorizeLogoChange } from "../organizations/logo";
import { rebuildVacancySearch } from "../search/search-index";
import { searchVacancies } from "../search/search-vacancies";
import { sitemapStream } from "../seo/sitemap";
import { createComplaint } from "../tickets/create-complaint";
import { getVacancyGate } from "../vacancies/public-vacancy";

import {
  appealByLink,
  appealUserBlock,
  block,
  decideAppeal,
  liftBlock,
  listAppeals,
  lookupUser,
  searchOrganizations,
} from "./blocks";

const DAY = 86_400_000;
const META = { ip: "10.9.0.1", userAgent: "vitest" };

let cityId = 0;
let specId = 0;
const staff = { moderator: 0, moderator2: 0, superadmin: 0, support: 0 };
const actor = (userId: number) => ({ userId, ip: "10.9.0.2" });

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

async function expectDomainError(promise: Promise<unknown>, code: string, key: string) {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, messageKey: key });
}

/** The rows any step writes: a refused step must leave every count as it was. */
async function counts() {
  const [blocks, appeals, audit, emails, blockedOrgs, blockedUsers, usedTokens] = await Promise.all([
    db.block.count(),
    db.blockAppeal.count(),
    db.auditLog.count(),
    db.emailMessage.count(),
    db.organization.count({ where: { blockedAt: { not: null } } }),
    db.user.count({ where: { blockedAt: { not: null } } }),
    db.emailToken.count({ where: { usedAt: { not: null } } }),
  ]);
  return { blocks, appeals, audit, emails, blockedOrgs, blockedUsers, usedTokens };
}

const search = async (q: string) =>
  (await searchVacancies(parseSearchParams({ q }).params, { locale: "ru", now: new Date() })).items.map((i) => i.id);
const pageStatus = async (id: number, slug: string) =>
  (await proxy(new NextRequest(new URL(`/ru${vacancyPath(id, slug)}`, "http://jumys.test")))).status;
async function sitemapHas(id: number, slug: string): Promise<boolean> {
  const stream = await sitemapStream("vacancies-ru-0.xml", new Date(), { appUrl: "https://jumys.test" });
  if (!stream) return false;
  return (await new Response(stream).text()).includes(vacancyPath(id, slug));
}
const emailsTo = (userId: number, subjectPart: string) =>
  db.emailMessage.count({ where: { userId, template: "block-notice", subject: { contains: subjectPart } } });

async function employerWithVacancy(word: string, options: { expiresAt?: Date } = {}) {
  const owner = await createUser({ isSeeker: false });
  const manager = await createUser({ isSeeker: false });
  const org = await createVerifiedOrganization("EMPLOYER", [
    { userId: owner.id, role: "OWNER" },
    { userId: manager.id, role: "MANAGER" },
  ]);
  const slug = `vakansiya-${word}`;
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: org.id,
      cityId,
      title: `${word} в логистику`,
      slug,
      description: "<p>Работа на складе.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - DAY),
      expiresAt: options.expiresAt ?? new Date(Date.now() + 20 * DAY),
      specializations: { create: [{ specializationId: specId }] },
    },
    select: { id: true },
  });
  await rebuildVacancySearch(db);
  return { owner, manager, org, vacancy: { id: vacancy.id, slug } };
}

const callerFor = async (userId: number) => createCaller(createContext({ user: await signedIn(userId) }));

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "block-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "block-city", nameRu: "Город", nameKk: "Қала" } })).id;
  specId = (await db.specialization.create({ data: { slug: "block-driver", nameRu: "Водитель", nameKk: "Жүргізуші" } })).id;
  invalidateCatalog();
  staff.moderator = (await createUser({ staffRole: "MODERATOR", isSeeker: false })).id;
  staff.moderator2 = (await createUser({ staffRole: "MODERATOR", isSeeker: false })).id;
  staff.superadmin = (await createUser({ staffRole: "SUPERADMIN", isSeeker: false })).id;
  staff.support = (await createUser({ staffRole: "SUPPORT", isSeeker: false })).id;
});

describe("blocking an organisation", () => {
  it("takes its vacancies out of search, pages (410) and sitemaps at once; members read only; one appeal; another staff member lifts it", async () => {
    const { owner, manager, org, vacancy } = await employerWithVacancy("экскаваторщик");
    expect(await search("экскаваторщик")).toEqual([vacancy.id]);
    expect(await pageStatus(vacancy.id, vacancy.slug)).toBe(200);
    expect(await sitemapHas(vacancy.id, vacancy.slug)).toBe(true);

    const { blockId } = await block(
      { target: { organizationId: org.id }, reason: "Вакансии с предоплатой за трудоустройство" },
      actor(staff.moderator),
      "MODERATOR",
    );
    expect(await search("экскаваторщик")).toEqual([]);
    expect((await getVacancyGate(vacancy.id)).state).toBe("gone");
    expect(await pageStatus(vacancy.id, vacancy.slug)).toBe(410);
    expect(await sitemapHas(vacancy.id, vacancy.slug)).toBe(false);
    expect(await emailsTo(owner.id, "заблокирована")).toBe(1);
    expect(await db.auditLog.count({ where: { action: "organization.block", entityId: String(org.id) } })).toBe(1);

    // Members still sign in and read; every write is refused with the reason, except the appeal.
    const ownerApi = await callerFor(owner.id);
    const read = await ownerApi.employer.organization.get({ organizationId: org.id });
    expect(read.blockReason).toBe("Вакансии с предоплатой за трудоустройство");
    expect(await ownerApi.employer.organization.block({ organizationId: org.id })).toMatchObject({
      reason: "Вакансии с предоплатой за трудоустройство",
      appeal: null,
    });
    const write = await errorOf(ownerApi.employer.organization.requestDeletion({ organizationId: org.id }));
    expect(write).toBeInstanceOf(TRPCError);
    expect(write).toMatchObject({ code: "FORBIDDEN", message: "errors.org.blockedReadOnly" });
    const vacancyWrite = await errorOf(ownerApi.employer.vacancies.archive({ organizationId: org.id, vacancyId: vacancy.id }));
    expect(vacancyWrite).toMatchObject({ code: "FORBIDDEN", message: "errors.org.blockedReadOnly" });

    // Only an owner appeals, once.
    const managerApi = await callerFor(manager.id);
    const text = "Мы не берём денег с соискателей, это ошибка модерации.";
    expect(await errorOf(managerApi.employer.organization.appeal({ organizationId: org.id, text }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const before = await counts();
    // Too short: the procedure's own parser refuses it (BAD_REQUEST), nothing is written.
    expect(await errorOf(ownerApi.employer.organization.appeal({ organizationId: org.id, text: "коротко" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await counts()).toEqual(before);
    await ownerApi.employer.organization.appeal({ organizationId: org.id, text });
    expect(await emailsTo(owner.id, "апелляция получена")).toBe(1);
    const again = await errorOf(ownerApi.employer.organization.appeal({ organizationId: org.id, text }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "errors.block.appealExists" });
    expect(await db.blockAppeal.count({ where: { blockId } })).toBe(1);

    const appeal = await db.blockAppeal.findUniqueOrThrow({ where: { blockId } });
    const queue = await listAppeals(staff.moderator);
    expect(queue.waiting.find((a) => a.id === appeal.id)?.blockedByViewer).toBe(true);

    // The one who blocked cannot decide, nor lift around the waiting appeal; nothing is written.
    const untouched = await counts();
    await expectDomainError(
      decideAppeal({ appealId: appeal.id, decision: "LIFTED", note: "Проверил, всё чисто" }, actor(staff.moderator)),
      "FORBIDDEN",
      "errors.block.sameStaff",
    );
    await expectDomainError(
      liftBlock({ blockId, note: "Снимаю сам" }, actor(staff.moderator2)),
      "CONFLICT",
      "errors.block.appealWaiting",
    );
    expect(await counts()).toEqual(untouched);

    await decideAppeal({ appealId: appeal.id, decision: "LIFTED", note: "Предоплату не нашли" }, actor(staff.moderator2));
    expect(await search("экскаваторщик")).toEqual([vacancy.id]);
    expect(await pageStatus(vacancy.id, vacancy.slug)).toBe(200);
    expect(await sitemapHas(vacancy.id, vacancy.slug)).toBe(true);
    expect(await emailsTo(owner.id, "блокировка снята")).toBe(1);
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ blockedAt: null, blockReason: null });
    await ownerApi.employer.organization.requestDeletion({ organizationId: org.id });
    expect(
      await db.auditLog.findMany({
        where: { OR: [{ entityType: "block", entityId: String(blockId) }, { action: "organization.unblock" }] },
        select: { action: true, actorId: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual([
      { action: "block.appeal", actorId: owner.id },
      { action: "block.appeal.lift", actorId: staff.moderator2 },
      { action: "organization.unblock", actorId: staff.moderator2 },
    ]);
    await expectDomainError(
      decideAppeal({ appealId: appeal.id, decision: "UPHELD", note: "Передумал" }, actor(staff.superadmin)),
      "CONFLICT",
      "errors.block.appealDecided",
    );
  });

  it("brings back on unblock only the vacancies still within their publication period", async () => {
    const { org, vacancy } = await employerWithVacancy("крановщик", { expiresAt: new Date(Date.now() + 60_000) });
    const { blockId } = await block(
      { target: { organizationId: org.id }, reason: "Проверка документов" },
      actor(staff.moderator),
      "MODERATOR",
    );
    await db.vacancy.update({ where: { id: vacancy.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await liftBlock({ blockId, note: "Документы в порядке" }, actor(staff.moderator));
    expect(await search("крановщик")).toEqual([]);
    expect((await getVacancyGate(vacancy.id)).state).toBe("gone");
  });

  it("finds organisations by name or BIN, and refuses a second block or bad input without writing", async () => {
    const org = await createOrganization("EMPLOYER");
    const row = await db.organization.update({
      where: { id: org.id },
      data: { bin: "123456789012" },
      select: { displayName: true },
    });
    expect((await searchOrganizations({ query: "123456789012" })).map((o) => o.id)).toEqual([org.id]);
    expect((await searchOrganizations({ query: row.displayName.slice(0, 8).toUpperCase() })).map((o) => o.id)).toContain(org.id);
    expect(await searchOrganizations({ query: "" })).toEqual([]);

    const before = await counts();
    expect(
      await errorOf(block({ target: { organizationId: org.id }, reason: "x" }, actor(staff.moderator), "MODERATOR")),
    ).toBeInstanceOf(ZodError);
    expect(await errorOf(block({ target: {}, reason: "Мошенничество" }, actor(staff.moderator), "MODERATOR"))).toBeInstanceOf(
      ZodError,
    );
    await expectDomainError(
      block({ target: { organizationId: 999_999 }, reason: "Мошенничество" }, actor(staff.moderator), "MODERATOR"),
      "NOT_FOUND",
      "errors.block.targetNotFound",
    );
    expect(await errorOf(liftBlock({ blockId: 999_999, note: "ok" }, actor(staff.moderator)))).toBeInstanceOf(ZodError);
    await expectDomainError(
      liftBlock({ blockId: 999_999, note: "Снимаю" }, actor(staff.moderator)),
      "NOT_FOUND",
      "errors.block.notFound",
    );
    expect(await counts()).toEqual(before);

    await block({ target: { organizationId: org.id }, reason: "Мошенничество" }, actor(staff.moderator), "MODERATOR");
    const once = await counts();
    await expectDomainError(
      block({ target: { organizationId: org.id }, reason: "Ещё раз" }, actor(staff.moderator2), "MODERATOR"),
      "CONFLICT",
      "errors.block.alreadyBlocked",
    );
    expect(await counts()).toEqual(once);
  });
});

describe("blocking a user account", () => {
  it("ends their sessions and sign-in, emails a single-use appeal link, and a decision by another staff member", async () => {
    const seeker = await createUser();
    const session = await signedIn(seeker.id);
    await block({ target: { userId: seeker.id }, reason: "Спам работодателям" }, actor(staff.moderator), "MODERATOR");
    expect(await resolveSession(session.sessionId)).toBeNull();
    const refused = await signInWithPassword(seeker.email, TEST_PASSWORD, META).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.auth.blockedBecause",
      options: { params: { reason: "Спам работодателям" } },
    });

    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: seeker.id, template: "block-notice" } });
    expect(email.text).toContain("Спам работодателям");
    const token = /\/ru\/appeal\?token=([A-Za-z0-9_-]{43})/.exec(email.text)?.[1];
    expect(token).toBeDefined();
    // Only the hash is stored.
    expect(await db.emailToken.count({ where: { secretHash: token! } })).toBe(0);
    expect(await appealByLink(token)).toMatchObject({ reason: "Спам работодателям" });
    expect(await appealByLink("x".repeat(43))).toBeNull();

    const before = await counts();
    expect(await errorOf(appealUserBlock({ token, text: "коротко" }, { userId: null, ip: "10.9.0.3" }))).toBeInstanceOf(ZodError);
    await expectDomainError(
      appealUserBlock(
        { token: "y".repeat(43), text: "Я не рассылал спам, это был мой коллега." },
        { userId: null, ip: "10.9.0.3" },
      ),
      "NOT_FOUND",
      "errors.block.appealLinkInvalid",
    );
    expect(await counts()).toEqual(before);

    await appealUserBlock({ token, text: "Я не рассылал спам, это был мой коллега." }, { userId: null, ip: "10.9.0.3" });
    expect(await emailsTo(seeker.id, "апелляция получена")).toBe(1);
    expect(await appealByLink(token)).toBeNull();
    await expectDomainError(
      appealUserBlock({ token, text: "Повторная апелляция по той же ссылке." }, { userId: null, ip: "10.9.0.3" }),
      "NOT_FOUND",
      "errors.block.appealLinkInvalid",
    );
    const appeal = await db.blockAppeal.findFirstOrThrow({ where: { authorId: seeker.id } });
    await decideAppeal({ appealId: appeal.id, decision: "UPHELD", note: "Жалобы подтвердились" }, actor(staff.superadmin));
    expect(await emailsTo(seeker.id, "апелляция отклонена")).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: seeker.id } })).blockedAt).not.toBeNull();
    expect(
      await db.auditLog.count({
        where: {
          action: { in: ["user.block", "block.appeal", "block.appeal.uphold"] },
          OR: [{ entityId: String(seeker.id) }, { entityType: "block" }],
        },
      }),
    ).toBeGreaterThanOrEqual(3);

    // Lifting restores sign-in; the sessions ended by the block stay ended.
    const blk = await db.block.findFirstOrThrow({ where: { userId: seeker.id, liftedAt: null } });
    await liftBlock({ blockId: blk.id, note: "Сняли после повторной проверки" }, actor(staff.moderator));
    expect(await resolveSession(session.sessionId)).toBeNull();
    expect(await signInWithPassword(seeker.email, TEST_PASSWORD, META)).toEqual(expect.any(String));
    expect(await emailsTo(seeker.id, "блокировка снята")).toBe(1);
  });

  it("refuses blocking oneself and staff above one's role", async () => {
    const before = await counts();
    await expectDomainError(
      block({ target: { userId: staff.moderator }, reason: "Проверка правил" }, actor(staff.moderator), "MODERATOR"),
      "FORBIDDEN",
      "errors.block.self",
    );
    await expectDomainError(
      block({ target: { userId: staff.superadmin }, reason: "Проверка правил" }, actor(staff.moderator), "MODERATOR"),
      "FORBIDDEN",
      "errors.block.staffAbove",
    );
    expect(await counts()).toEqual(before);
    const user = await lookupUser({ email: (await db.user.findUniqueOrThrow({ where: { id: staff.support } })).email });
    expect(user).toMatchObject({ id: staff.support, staffRole: "SUPPORT", blocks: [] });
    await block({ target: { userId: staff.support }, reason: "Проверка правил" }, actor(staff.superadmin), "SUPERADMIN");
    expect(
      (await lookupUser({ email: (await db.user.findUniqueOrThrow({ where: { id: staff.support } })).email }))?.blocks,
    ).toHaveLength(1);
  });
});

const APPLICATION = {
  vacancyId: 999_999,
  resumeId: null,
  message: "Здравствуйте, у меня категория C и пять лет стажа.",
  phone: "+7 705 444 55 66",
};

describe("emails and uploads", () => {
  it("write to each recipient in their language", async () => {
    const kk = await createUser();
    await db.user.update({ where: { id: kk.id }, data: { locale: "kk" } });
    await block({ target: { userId: kk.id }, reason: "Спам жіберу" }, actor(staff.moderator), "MODERATOR");
    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: kk.id, template: "block-notice" } });
    expect(email).toMatchObject({ locale: "kk", subject: "Jumys: аккаунтыңыз бұғатталды" });
    expect(email.text).toContain("/kk/appeal?token=");
  });

  it("a blocked organisation's logo cannot be changed either", async () => {
    const owner = await createUser({ isSeeker: false });
    const org = await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }]);
    await expect(authorizeLogoChange(owner.id, org.id)).resolves.toMatchObject({ userId: owner.id });
    await block({ target: { organizationId: org.id }, reason: "Чужой логотип" }, actor(staff.moderator), "MODERATOR");
    await expectDomainError(authorizeLogoChange(owner.id, org.id), "FORBIDDEN", "errors.org.blockedReadOnly");
  });
});

describe("rate limits", () => {
  it("limit applying per user", async () => {
    const seeker = await createUser();
    await resetLimit("applyPerUser", String(seeker.id));
    for (let i = 0; i < 30; i++) {
      await expectDomainError(applyToVacancy(seeker.id, APPLICATION), "NOT_FOUND", "errors.vacancyUnavailable");
    }
    await expectDomainError(applyToVacancy(seeker.id, APPLICATION), "RATE_LIMITED", "errors.rateLimited");
    expect(await db.application.count({ where: { seekerId: seeker.id } })).toBe(0);
  });

  it("limit applying per IP across accounts", async () => {
    const ip = "10.9.9.9";
    await resetLimit("applyPerIp", ip);
    for (let i = 0; i < 4; i++) {
      const seeker = await createUser();
      for (let j = 0; j < 25; j++) {
        await expectDomainError(
          applyToVacancy(seeker.id, APPLICATION, new Date(), { ip }),
          "NOT_FOUND",
          "errors.vacancyUnavailable",
        );
      }
    }
    const fresh = await createUser();
    await expectDomainError(applyToVacancy(fresh.id, APPLICATION, new Date(), { ip }), "RATE_LIMITED", "errors.rateLimited");
  });

  it("limit complaints per user, whatever their IP", async () => {
    const user = await createUser();
    const author = (n: number) => ({ user: { id: user.id, name: user.name, email: user.email }, ip: `10.8.0.${n}` });
    const complaint = { vacancyId: 999_999, reason: "FRAUD" as const, message: "Просят предоплату", locale: "ru" as const };
    for (let i = 0; i < 10; i++) {
      await expectDomainError(createComplaint(complaint, author(i)), "NOT_FOUND", "errors.vacancyUnavailable");
    }
    await expectDomainError(createComplaint(complaint, author(99)), "RATE_LIMITED", "errors.rateLimited");
    expect(await db.ticket.count({ where: { authorId: user.id } })).toBe(0);
  });
});
