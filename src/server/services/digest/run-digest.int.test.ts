import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Prisma } from "@/generated/prisma/client";
import { parseSearchParams } from "@/lib/search/params";
import { criteriaFromParams } from "@/lib/search/subscription-criteria";
import { db } from "@/server/db";
import { createMailer, type Mailer } from "@/server/email/mailer";
import { createResendTransport, outboxTransport, type MailTransport } from "@/server/email/transport";

import { startCaptureServer } from "../../../../test/support/capture-server";
import { createOrganization, createUser } from "../../../../test/support/factories";
import { invalidateCatalog } from "../catalog/catalog";
import { refreshVacancySearch } from "../search/search-index";

import { CUTOFF_MARGIN_MS, DIGEST_GROUP_SIZE, runDigest, type RunDigestOptions } from "./run-digest";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

const FROM = "Jumys <no-reply@jumys.kz>";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// 07:00 in Almaty (UTC+5), when the scheduler calls the job.
const MONDAY = new Date("2030-01-07T02:00:00Z");
const TUESDAY = new Date("2030-01-08T02:00:00Z");
const WEDNESDAY = new Date("2030-01-09T02:00:00Z");
const before = (at: Date, ms: number) => new Date(at.getTime() - ms);
const after = (at: Date, ms: number) => new Date(at.getTime() + ms);
/** A run's cutoff: a minute before it started. */
const cut = (at: Date) => before(at, CUTOFF_MARGIN_MS);

const outbox = createMailer(db, outboxTransport, FROM);
const run = (now: Date, options: Omit<RunDigestOptions, "now"> = {}) => runDigest({ now, mailer: outbox, ...options });

let orgId = 0;
let almaty = 0;
let astana = 0;
let driverSpec = 0;
let salesSpec = 0;

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "almaty-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  almaty = (await db.city.create({ data: { regionId: region.id, slug: "almaty", nameRu: "Алматы", nameKk: "Алматы" } })).id;
  astana = (await db.city.create({ data: { regionId: region.id, slug: "astana", nameRu: "Астана", nameKk: "Астана" } })).id;
  driverSpec = (await db.specialization.create({ data: { slug: "driver", nameRu: "Водитель", nameKk: "Жүргізуші" } })).id;
  salesSpec = (await db.specialization.create({ data: { slug: "sales", nameRu: "Продажи", nameKk: "Сауда" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  await db.organization.update({ where: { id: orgId }, data: { displayName: "Дала Логистик" } });
  invalidateCatalog();
});

beforeEach(async () => {
  await db.digestDelivery.deleteMany();
  await db.emailMessage.deleteMany();
  await db.subscription.deleteMany();
  await db.vacancy.deleteMany();
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
});

async function seeker(
  options: { locale?: "ru" | "kk"; notifyDigests?: boolean; verified?: boolean; blocked?: boolean; name?: string } = {},
) {
  const user = await createUser({ verified: options.verified, name: options.name ?? "Айгерим" });
  await db.user.update({
    where: { id: user.id },
    data: {
      locale: options.locale ?? "ru",
      notifyDigests: options.notifyDigests ?? true,
      blockedAt: options.blocked ? new Date() : null,
    },
  });
  return user;
}

async function subscribe(
  userId: number,
  search: Record<string, string>,
  data: Partial<Prisma.SubscriptionUncheckedCreateInput> = {},
) {
  return db.subscription.create({
    data: {
      userId,
      name: `Поиск ${JSON.stringify(search)}`,
      criteria: criteriaFromParams(parseSearchParams(search).params) as unknown as Prisma.InputJsonValue,
      createdAt: before(MONDAY, 7 * DAY),
      ...data,
    },
  });
}

type VacancyData = Partial<Prisma.VacancyUncheckedCreateInput> & { title: string; publishedAt: Date; sales?: boolean };

/** Published vacancies, searchable; drivers unless `sales`. */
async function vacancies(list: VacancyData[]) {
  const ids: number[] = [];
  for (const [i, { sales, ...data }] of list.entries()) {
    const row = await db.vacancy.create({
      data: {
        organizationId: orgId,
        cityId: almaty,
        slug: `vacancy-${i}`,
        description: "<p>Описание вакансии.</p>",
        status: "PUBLISHED",
        expiresAt: after(data.publishedAt, 30 * DAY),
        specializations: { create: [{ specializationId: sales ? salesSpec : driverSpec }] },
        ...data,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  await refreshVacancySearch(db, ids);
  return ids;
}

const emailsOf = (userId: number) => db.emailMessage.findMany({ where: { userId }, orderBy: { id: "asc" } });
const deliveryOf = (userId: number) => db.digestDelivery.findMany({ where: { userId }, orderBy: { periodDate: "asc" } });
const lastDigestAt = async (id: number) =>
  (await db.subscription.findUniqueOrThrow({ where: { id }, select: { lastDigestAt: true } })).lastDigestAt;

/** The vacancy titles an email lists, in order. */
const listed = (html: string) => [...html.matchAll(/<a href="[^"]*\/vacancy\/[^"]*"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);

describe("runDigest", () => {
  it("sends one email per seeker with a group per subscription, premium first, at most N each, then moves the subscriptions on", async () => {
    const user = await seeker({ name: "Айгерим" });
    const drivers = await subscribe(
      user.id,
      { q: "водитель" },
      { name: "Водители в Алматы", lastDigestAt: before(TUESDAY, DAY) },
    );
    const astanaJobs = await subscribe(user.id, { city: "astana" }, { name: "Всё в Астане", lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([
      { title: "Водитель старый", publishedAt: before(TUESDAY, DAY + HOUR) },
      {
        title: "Водитель премиум",
        publishedAt: before(TUESDAY, 20 * HOUR),
        publicationType: "PREMIUM",
        premiumUntil: after(TUESDAY, 5 * DAY),
      },
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ title: `Водитель ${i}`, publishedAt: before(TUESDAY, (10 - i) * HOUR) })),
      { title: "Кассир в Астане", publishedAt: before(TUESDAY, 2 * HOUR), cityId: astana, sales: true },
      { title: "Водитель после отсечки", publishedAt: before(TUESDAY, 30_000) },
    ]);

    const result = await run(TUESDAY);

    expect(result).toMatchObject({
      periodDate: "2030-01-08",
      weekly: false,
      seekers: 1,
      claimed: 1,
      sent: 1,
      empty: 0,
      failed: 0,
    });
    expect(result.subscriptions).toBe(2);
    const [email, ...others] = await emailsOf(user.id);
    expect(others).toHaveLength(0);
    expect(email!.subject).toBe("8 новых вакансий по вашим подпискам");
    expect(email!.template).toBe("subscription-digest");
    expect(email!.idempotencyKey).toBe(`digest:${user.id}:2030-01-08`);
    expect(listed(email!.html)).toEqual([
      "Водитель премиум",
      "Водитель 6",
      "Водитель 5",
      "Водитель 4",
      "Водитель 3",
      "Кассир в Астане",
    ]);
    expect(listed(email!.html).length - 1).toBe(DIGEST_GROUP_SIZE);
    expect(email!.html).toContain("Водители в Алматы");
    expect(email!.html).toContain("Смотреть на сайте: все 7 вакансий");
    // "See all" opens the same search limited to what is new since the subscription's last digest.
    expect(email!.html).toContain(
      `http://localhost:3000/ru/vacancies?q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&amp;since=${encodeURIComponent(
        `${before(TUESDAY, DAY).toISOString().slice(0, 19)}Z`,
      )}&amp;sort=date`,
    );
    expect(email!.html).toContain('href="http://localhost:3000/ru/seeker/subscriptions"');
    expect(email!.text).toContain("Здравствуйте, Айгерим!");
    expect(email!.text).toContain("Дала Логистик · Алматы");

    const [delivery] = await deliveryOf(user.id);
    expect(delivery).toMatchObject({ status: "SENT", vacancyCount: 8, emailId: email!.id, attempts: 1, cutoffAt: cut(TUESDAY) });
    expect(await lastDigestAt(drivers.id)).toEqual(cut(TUESDAY));
    expect(await lastDigestAt(astanaJobs.id)).toEqual(cut(TUESDAY));

    // Again the same day: nothing to do, nothing sent.
    expect(await run(after(TUESDAY, HOUR))).toMatchObject({ seekers: 0, sent: 0 });
    expect(await emailsOf(user.id)).toHaveLength(1);
    // The next day starts where this one stopped.
    await run(WEDNESDAY);
    const [, next] = await emailsOf(user.id);
    expect(listed(next!.html)).toEqual(["Водитель после отсечки"]);
  });

  it("puts the unsubscribe headers on every email, with a token that names the seeker", async () => {
    const user = await seeker();
    await subscribe(user.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);

    await run(TUESDAY);

    const [email] = await emailsOf(user.id);
    const headers = email!.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const match = /^<(http:\/\/localhost:3000\/api\/unsubscribe\?token=([^>]+))>$/.exec(headers["List-Unsubscribe"]!);
    expect(match).not.toBeNull();
    expect(verifyUnsubscribeToken(decodeURIComponent(match![2]!), TUESDAY)).toMatchObject({ ok: true, userId: user.id });
    // The visible link goes to the page with the button, not to the one-click endpoint.
    expect(email!.html).toContain(`http://localhost:3000/ru/unsubscribe?token=${match![2]}`);
    expect(email!.html).toContain("Отписаться от писем с вакансиями");
  });

  it("sends no email when nothing matched, and the subscriptions still move on", async () => {
    const user = await seeker();
    const sub = await subscribe(user.id, { q: "бухгалтер" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);

    expect(await run(TUESDAY)).toMatchObject({ seekers: 1, sent: 0, empty: 1 });

    expect(await emailsOf(user.id)).toHaveLength(0);
    expect(await deliveryOf(user.id)).toMatchObject([{ status: "EMPTY", vacancyCount: 0, emailId: null }]);
    expect(await lastDigestAt(sub.id)).toEqual(cut(TUESDAY));
  });

  it("claims and sends nothing when the window's text index cannot be built, and reports why", async () => {
    const user = await seeker();
    const sub = await subscribe(user.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // Its own connection goes to a database that does not exist.
      const missing = new URL(process.env.DATABASE_URL!);
      missing.pathname = "/jumys_no_such_database";
      await expect(run(TUESDAY, { databaseUrl: missing.toString() })).rejects.toThrow(/jumys_no_such_database/);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(await emailsOf(user.id)).toHaveLength(0);
    expect(await deliveryOf(user.id)).toHaveLength(0);
    expect(await lastDigestAt(sub.id)).toEqual(before(TUESDAY, DAY));
    // The next run does the work.
    expect(await run(TUESDAY)).toMatchObject({ seekers: 1, sent: 1 });
  });

  it("serves weekly subscriptions on Mondays only, in the same email as the daily ones", async () => {
    const daily = await seeker();
    const weekly = await seeker();
    const both = await seeker();
    await subscribe(daily.id, { q: "водитель" });
    const weeklySub = await subscribe(weekly.id, { q: "водитель" }, { frequency: "WEEKLY" });
    await subscribe(both.id, { q: "водитель" }, { name: "Каждый день" });
    await subscribe(both.id, { city: "astana" }, { name: "Раз в неделю", frequency: "WEEKLY" });
    await vacancies([
      { title: "Водитель", publishedAt: before(MONDAY, 2 * DAY) },
      { title: "Курьер в Астане", publishedAt: before(MONDAY, 3 * DAY), cityId: astana, sales: true },
      { title: "Водитель во вторник", publishedAt: after(MONDAY, 3 * HOUR) },
    ]);

    const monday = await run(MONDAY);
    expect(monday).toMatchObject({ weekly: true, seekers: 3, sent: 3 });
    const [bothEmail] = await emailsOf(both.id);
    expect(bothEmail!.html).toContain("Каждый день");
    expect(bothEmail!.html).toContain("Раз в неделю");
    expect(listed(bothEmail!.html)).toEqual(["Водитель", "Курьер в Астане"]);
    expect(await lastDigestAt(weeklySub.id)).toEqual(cut(MONDAY));

    const tuesday = await run(TUESDAY);
    expect(tuesday).toMatchObject({ weekly: false, seekers: 2, sent: 2 });
    expect(await emailsOf(weekly.id)).toHaveLength(1);
    expect(await deliveryOf(weekly.id)).toHaveLength(1);
    const [, bothTuesday] = await emailsOf(both.id);
    expect(bothTuesday!.html).not.toContain("Раз в неделю");
    expect(listed(bothTuesday!.html)).toEqual(["Водитель во вторник"]);
    expect(await lastDigestAt(weeklySub.id)).toEqual(cut(MONDAY));
  });

  it("sends nothing for paused subscriptions, switched-off digests, unconfirmed or blocked accounts", async () => {
    const served = await seeker();
    const paused = await seeker();
    const off = await seeker({ notifyDigests: false });
    const unconfirmed = await seeker({ verified: false });
    const blocked = await seeker({ blocked: true });
    await subscribe(served.id, { q: "водитель" }, { name: "Идёт" });
    await subscribe(served.id, { q: "водитель" }, { name: "На паузе", pausedAt: before(TUESDAY, DAY) });
    const pausedSub = await subscribe(paused.id, { q: "водитель" }, { pausedAt: before(TUESDAY, DAY) });
    for (const user of [off, unconfirmed, blocked]) await subscribe(user.id, { q: "водитель" });
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);

    expect(await run(TUESDAY)).toMatchObject({ seekers: 1, sent: 1 });

    const [email] = await emailsOf(served.id);
    expect(email!.html).toContain("Идёт");
    expect(email!.html).not.toContain("На паузе");
    for (const user of [paused, off, unconfirmed, blocked]) {
      expect(await emailsOf(user.id)).toHaveLength(0);
      expect(await deliveryOf(user.id)).toHaveLength(0);
    }
    expect(await lastDigestAt(pausedSub.id)).toBeNull();
  });

  it("writes to a Kazakh-speaking seeker in Kazakh", async () => {
    const user = await seeker({ locale: "kk", name: "Әлия" });
    await subscribe(user.id, { q: "жүргізуші" }, { name: "Жүргізушілер" });
    await vacancies([{ title: "Жүргізуші керек", language: "kk", publishedAt: before(TUESDAY, HOUR), salaryFrom: 300_000 }]);

    await run(TUESDAY);

    const [email] = await emailsOf(user.id);
    expect(email!.locale).toBe("kk");
    expect(email!.subject).toBe("Жазылымдарыңыз бойынша 1 жаңа вакансия");
    expect(email!.html).toContain('lang="kk"');
    expect(email!.html).toContain("http://localhost:3000/kk/vacancy/");
    expect(email!.text).toContain("Сәлеметсіз бе, Әлия!");
    expect(email!.text).toContain("300\u202f000 ₸-ден бастап қолға");
    expect(email!.text).toContain("Жазылымдарды баптау: http://localhost:3000/kk/seeker/subscriptions");
  });

  it("gives a subscription the vacancies published since its last digest, or since it was made", async () => {
    const user = await seeker();
    await subscribe(user.id, { q: "водитель" }, { name: "Старая", lastDigestAt: before(TUESDAY, 3 * HOUR) });
    await subscribe(user.id, { q: "водитель" }, { name: "Новая", createdAt: before(TUESDAY, HOUR) });
    await vacancies([
      { title: "Водитель 1", publishedAt: before(TUESDAY, 5 * HOUR) },
      { title: "Водитель 2", publishedAt: before(TUESDAY, 2 * HOUR) },
      { title: "Водитель 3", publishedAt: before(TUESDAY, 30 * MINUTE) },
    ]);

    await run(TUESDAY);

    const [email] = await emailsOf(user.id);
    expect(listed(email!.html)).toEqual(["Водитель 3", "Водитель 2", "Водитель 3"]);
  });

  it("sends exactly one email per seeker when two runs start at once", async () => {
    const users = [];
    for (let i = 0; i < 25; i++) {
      const user = await seeker();
      await subscribe(user.id, { q: "водитель" });
      users.push(user);
    }
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);

    const [a, b] = await Promise.all([run(TUESDAY, { batchSize: 4 }), run(TUESDAY, { batchSize: 4 })]);

    expect(a.sent + b.sent).toBe(users.length);
    expect(a.claimed + b.claimed).toBe(users.length);
    const perUser = await db.emailMessage.groupBy({ by: ["userId"], _count: true });
    expect(perUser).toHaveLength(users.length);
    expect(perUser.every((row) => row._count === 1)).toBe(true);
    expect(await db.digestDelivery.count({ where: { status: "SENT" } })).toBe(users.length);
  });

  it("takes over a claim whose run died, after the lease, with its cutoff: no duplicate, no gap", async () => {
    const crashed = await seeker();
    const busy = await seeker();
    const sub = await subscribe(crashed.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await subscribe(busy.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([
      { title: "До отсечки", publishedAt: before(TUESDAY, HOUR) },
      { title: "После отсечки", publishedAt: after(TUESDAY, 5 * MINUTE) },
    ]);
    // A run at 07:00 claimed the first seeker and died; another run is still working on the second.
    await db.digestDelivery.create({
      data: { userId: crashed.id, periodDate: new Date("2030-01-08"), cutoffAt: TUESDAY, claimedAt: TUESDAY },
    });
    await db.digestDelivery.create({
      data: {
        userId: busy.id,
        periodDate: new Date("2030-01-08"),
        cutoffAt: after(TUESDAY, 15 * MINUTE),
        claimedAt: after(TUESDAY, 15 * MINUTE),
      },
    });

    expect(await run(after(TUESDAY, 10 * MINUTE))).toMatchObject({ seekers: 0, claimed: 0 });
    const result = await run(after(TUESDAY, 20 * MINUTE));
    expect(result).toMatchObject({ seekers: 1, claimed: 1, sent: 1 });

    const [email] = await emailsOf(crashed.id);
    expect(listed(email!.html)).toEqual(["До отсечки"]);
    expect(await deliveryOf(crashed.id)).toMatchObject([{ status: "SENT", cutoffAt: TUESDAY, attempts: 1 }]);
    expect(await lastDigestAt(sub.id)).toEqual(TUESDAY);
    expect(await deliveryOf(busy.id)).toMatchObject([{ status: "PENDING" }]);
    expect(await emailsOf(busy.id)).toHaveLength(0);

    await run(WEDNESDAY);
    const [, next] = await emailsOf(crashed.id);
    expect(listed(next!.html)).toEqual(["После отсечки"]);
  });

  it("resumes a run that died after the mailer sent, without sending twice", async () => {
    const users = [await seeker(), await seeker()];
    const subs = [];
    for (const user of users) subs.push(await subscribe(user.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) }));
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);
    const dying: Mailer = {
      transport: "outbox",
      send: (email) => outbox.send(email),
      sendMany: async (emails) => {
        await outbox.sendMany(emails);
        throw new Error("connection to the database lost");
      },
    };

    await expect(run(TUESDAY, { mailer: dying })).rejects.toThrow("connection to the database lost");
    expect(await db.emailMessage.count()).toBe(2);
    expect(await db.digestDelivery.count({ where: { status: "PENDING" } })).toBe(2);
    for (const sub of subs) expect(await lastDigestAt(sub.id)).toEqual(before(TUESDAY, DAY));

    const resumed = await run(after(TUESDAY, 16 * MINUTE));

    expect(resumed).toMatchObject({ claimed: 2, sent: 2 });
    expect(await db.emailMessage.count()).toBe(2);
    for (const user of users) expect(await deliveryOf(user.id)).toMatchObject([{ status: "SENT", cutoffAt: cut(TUESDAY) }]);
    for (const sub of subs) expect(await lastDigestAt(sub.id)).toEqual(cut(TUESDAY));
  });

  it("retries a refused delivery later the same day with its own key, up to three attempts, and loses nothing", async () => {
    const user = await seeker();
    const sub = await subscribe(user.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([
      { title: "Водитель во вторник", publishedAt: before(TUESDAY, HOUR) },
      { title: "Водитель в среду", publishedAt: before(WEDNESDAY, HOUR) },
    ]);
    const refusing: MailTransport = {
      name: "resend",
      send: (messages) => Promise.resolve(messages.map(() => ({ ok: false as const, error: "rate_limit_exceeded: slow down" }))),
    };
    const failing = createMailer(db, refusing, FROM);

    for (const [i, at] of [TUESDAY, after(TUESDAY, HOUR), after(TUESDAY, 2 * HOUR)].entries()) {
      expect(await run(at, { mailer: failing })).toMatchObject({ claimed: 1, failed: 1, sent: 0 });
      expect(await deliveryOf(user.id)).toMatchObject([{ status: "FAILED", attempts: i + 1, cutoffAt: cut(TUESDAY) }]);
    }
    expect((await emailsOf(user.id)).map((e) => [e.idempotencyKey, e.status])).toEqual([
      [`digest:${user.id}:2030-01-08`, "FAILED"],
      [`digest:${user.id}:2030-01-08:2`, "FAILED"],
      [`digest:${user.id}:2030-01-08:3`, "FAILED"],
    ]);
    expect(await lastDigestAt(sub.id)).toEqual(before(TUESDAY, DAY));
    // Three attempts are all a day gets.
    expect(await run(after(TUESDAY, 3 * HOUR))).toMatchObject({ seekers: 0, claimed: 0 });

    // The next day's digest has both days' vacancies: the subscription never moved on.
    await run(WEDNESDAY);
    const emails = await emailsOf(user.id);
    expect(emails).toHaveLength(4);
    expect(listed(emails[3]!.html)).toEqual(["Водитель в среду", "Водитель во вторник"]);
    expect(await lastDigestAt(sub.id)).toEqual(cut(WEDNESDAY));
  });

  it("delivers on a retry after a refusal", async () => {
    const user = await seeker();
    const sub = await subscribe(user.id, { q: "водитель" }, { lastDigestAt: before(TUESDAY, DAY) });
    await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);
    const refusing = createMailer(
      db,
      { name: "resend", send: (m) => Promise.resolve(m.map(() => ({ ok: false as const, error: "application_error: down" }))) },
      FROM,
    );

    expect(await run(TUESDAY, { mailer: refusing })).toMatchObject({ failed: 1 });
    expect(await run(after(TUESDAY, 30 * MINUTE))).toMatchObject({ claimed: 1, sent: 1 });

    expect((await emailsOf(user.id)).map((e) => e.status)).toEqual(["FAILED", "CAPTURED"]);
    expect(await deliveryOf(user.id)).toMatchObject([{ status: "SENT", attempts: 2, cutoffAt: cut(TUESDAY) }]);
    expect(await lastDigestAt(sub.id)).toEqual(cut(TUESDAY));
  });

  describe("through Resend", () => {
    let close: (() => Promise<void>) | undefined;
    afterAll(async () => close?.());

    it("sends the emails of a batch in one batch request, each with its unsubscribe headers", async () => {
      let n = 0;
      const server = await startCaptureServer((req) => ({
        status: 200,
        body: { data: (req.body as unknown[]).map(() => ({ id: `re_${++n}` })) },
      }));
      close = server.close;
      const users = [await seeker(), await seeker({ locale: "kk" }), await seeker()];
      for (const user of users) await subscribe(user.id, { q: "водитель" });
      await vacancies([{ title: "Водитель", publishedAt: before(TUESDAY, HOUR) }]);

      const result = await run(TUESDAY, { mailer: createMailer(db, createResendTransport("re_test_key", server.url), FROM) });

      expect(result).toMatchObject({ sent: 3 });
      expect(server.requests.map((r) => r.path)).toEqual(["/emails/batch"]);
      expect(server.requests[0]!.headers["idempotency-key"]).toMatch(/^batch:/);
      const sent = server.requests[0]!.body as { to: string; subject: string; headers: Record<string, string> }[];
      expect(sent.map((e) => e.to)).toEqual(users.map((u) => u.email));
      for (const email of sent) {
        expect(email.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/api\/unsubscribe\?token=digests\.\d+\./);
        expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      }
      expect(sent[1]!.subject).toBe("Жазылымдарыңыз бойынша 1 жаңа вакансия");
      expect(
        (await db.emailMessage.findMany({ select: { status: true, providerId: true } })).every((e) => e.status === "SENT"),
      ).toBe(true);
    });
  });
});
