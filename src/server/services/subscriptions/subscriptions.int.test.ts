import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { dynamicTranslator } from "@/i18n/translator";
import { paramsFromCriteria } from "@/lib/search/subscription-criteria";
import { SUBSCRIPTIONS_LIMIT } from "@/lib/validation/subscriptions";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { invalidateCatalog } from "@/server/services/catalog/catalog";

import { createOrganization, createUser, signedIn } from "../../../../test/support/factories";

import { setSubscriptionPaused, updateSubscription } from "./change-subscription";
import { createSubscription } from "./create-subscription";
import { deleteSubscription } from "./delete-subscription";
import { listSubscriptions } from "./list-subscriptions";

let companyId = 0;

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError
        ? `${e.code}:${e.messageKey}`
        : e instanceof ZodError
          ? `zod:${e.issues.map((i) => i.message).join(",")}`
          : String(e),
  );

const seeker = async () => (await createUser({ isSeeker: true })).id;
const stored = (userId: number) =>
  db.subscription.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: { id: true, name: true, criteria: true, frequency: true, pausedAt: true },
  });

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "subs-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  await db.city.create({ data: { regionId: region.id, slug: "subs-almaty", nameRu: "Алматы", nameKk: "Алматы" } });
  await db.city.create({ data: { regionId: region.id, slug: "subs-konaev", nameRu: "Конаев", nameKk: "Қонаев" } });
  await db.specialization.create({ data: { slug: "subs-driver", nameRu: "Водитель", nameKk: "Жүргізуші" } });
  await db.specialization.create({ data: { slug: "subs-courier", nameRu: "Курьер", nameKk: "Курьер" } });
  companyId = (await createOrganization("EMPLOYER")).id;
  await db.organization.update({ where: { id: companyId }, data: { displayName: "Тест Логистик" } });
  invalidateCatalog();
});

describe("creating a subscription", () => {
  it("stores the canonical criteria and names it after the search in the seeker's language", async () => {
    const user = await seeker();
    const ru = await createSubscription(user, { query: "q=водитель&city=subs-almaty&lic=c&page=3&sort=date&period=7" }, "ru");
    expect(ru).toMatchObject({ name: "водитель · Алматы · C", frequency: "DAILY" });
    const kk = await createSubscription(
      user,
      { query: "city=subs-konaev&spec=subs-driver&salary=300000&remote=1&schedule=rotation", frequency: "WEEKLY" },
      "kk",
    );
    expect(kk.name).toBe("Қонаев · Жүргізуші · 300\u202f000 ₸-ден бастап · Вахта · қашықтан");
    expect(kk.frequency).toBe("WEEKLY");
    const rows = await stored(user);
    expect(rows.map((r) => r.criteria)).toEqual([
      { query: "q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&city=subs-almaty&lic=c" },
      { query: "city=subs-konaev&spec=subs-driver&salary=300000&schedule=rotation&remote=1" },
    ]);
    expect(paramsFromCriteria(rows[0]!.criteria)).toMatchObject({ q: "водитель", city: "subs-almaty", licences: ["C"] });
  });

  it("accepts any search state, the empty one and a company's vacancies included", async () => {
    const user = await seeker();
    expect((await createSubscription(user, { query: "" }, "ru")).name).toBe("Все вакансии");
    expect((await createSubscription(user, { query: `?company=${companyId}&exp=none` }, "ru")).name).toBe(
      "Без опыта · Тест Логистик",
    );
  });

  it("keeps a name the seeker gave, as plain text", async () => {
    const user = await seeker();
    const html = '<img src=x onerror="alert(1)"> <b>Водители</b>';
    const created = await createSubscription(user, { query: "q=html", name: `  ${html}\u0000 ` }, "ru");
    expect(created.name).toBe(html);
    expect((await stored(user))[0]!.name).toBe(html);
  });

  it("refuses a blank or too long name without writing anything", async () => {
    const user = await seeker();
    expect(await outcome(createSubscription(user, { query: "q=a1", name: "   " }, "ru"))).toBe(
      "zod:validation.subscriptionNameRequired",
    );
    expect(await outcome(createSubscription(user, { query: "q=a1", name: "я".repeat(151) }, "ru"))).toBe(
      "zod:validation.subscriptionNameTooLong",
    );
    expect(await outcome(createSubscription(user, { query: "q=a1", name: "я".repeat(5000) }, "ru"))).toBe(
      "zod:validation.subscriptionNameTooLong",
    );
    expect((await createSubscription(user, { query: "q=a1", name: "я".repeat(150) }, "ru")).name).toHaveLength(150);
    expect(await db.subscription.count({ where: { userId: user } })).toBe(1);
  });

  it("refuses bogus criteria", async () => {
    const user = await seeker();
    for (const query of [
      "lic=zz",
      "salary=-5",
      "salary=abc",
      "exp=lots",
      "city=atlantis",
      "region=nowhere",
      "spec=no-such-thing",
      "spec=Bad_Slug!",
      "company=2000000000",
      `q=${"слово ".repeat(60)}`,
    ]) {
      expect([query, await outcome(createSubscription(user, { query }, "ru"))]).toEqual([
        query,
        "VALIDATION:errors.subscriptions.criteriaInvalid",
      ]);
    }
    for (const raw of [
      { query: "x".repeat(2001) },
      { query: 5 },
      { query: { q: "a" } },
      {},
      null,
      { query: "", frequency: "HOURLY" },
    ]) {
      expect(await outcome(createSubscription(user, raw, "ru"))).toMatch(/^zod:/);
    }
    expect(await db.subscription.count({ where: { userId: user } })).toBe(0);
  });

  it("refuses the same search twice, however its filters are ordered or paged", async () => {
    const user = await seeker();
    await createSubscription(user, { query: "q=водитель&lic=c&lic=ce&spec=subs-driver&spec=subs-courier" }, "ru");
    for (const query of [
      "q=водитель&lic=ce&lic=c&spec=subs-courier&spec=subs-driver",
      "lic=ce,c&q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&spec=subs-courier,subs-driver&page=2&sort=salary",
    ]) {
      expect(await outcome(createSubscription(user, { query, name: "Другое имя", frequency: "WEEKLY" }, "ru"))).toBe(
        "CONFLICT:errors.subscriptions.duplicate",
      );
    }
    // A paused one counts too; a different search does not.
    await db.subscription.updateMany({ where: { userId: user }, data: { pausedAt: new Date() } });
    expect(
      await outcome(createSubscription(user, { query: "q=водитель&lic=c&lic=ce&spec=subs-driver&spec=subs-courier" }, "ru")),
    ).toBe("CONFLICT:errors.subscriptions.duplicate");
    expect(await outcome(createSubscription(user, { query: "q=водитель&lic=c" }, "ru"))).toBe("resolved");
    // Another seeker may subscribe to the same search.
    expect(await outcome(createSubscription(await seeker(), { query: "q=водитель&lic=c" }, "ru"))).toBe("resolved");
  });

  it(`allows ${SUBSCRIPTIONS_LIMIT} subscriptions and refuses the next one, also when requests race`, async () => {
    const user = await seeker();
    for (let i = 0; i < SUBSCRIPTIONS_LIMIT - 2; i++) await createSubscription(user, { query: `q=слово${i}` }, "ru");
    const raced = await Promise.all([1, 2, 3, 4].map((i) => outcome(createSubscription(user, { query: `q=гонка${i}` }, "ru"))));
    expect(raced.filter((r) => r === "resolved")).toHaveLength(2);
    expect(raced.filter((r) => r === "CONFLICT:errors.subscriptions.limitReached")).toHaveLength(2);
    expect(await db.subscription.count({ where: { userId: user } })).toBe(SUBSCRIPTIONS_LIMIT);
    expect(await outcome(createSubscription(user, { query: "q=двадцать-первая" }, "ru"))).toBe(
      "CONFLICT:errors.subscriptions.limitReached",
    );
    expect(await db.subscription.count({ where: { userId: user } })).toBe(SUBSCRIPTIONS_LIMIT);
  });

  it("creates one subscription when the same request is sent twice at once", async () => {
    const user = await seeker();
    const results = await Promise.all([1, 2].map(() => outcome(createSubscription(user, { query: "q=дубль" }, "ru"))));
    expect(results.sort()).toEqual(["CONFLICT:errors.subscriptions.duplicate", "resolved"]);
  });
});

describe("changing a subscription", () => {
  it("renames it, changes its frequency, pauses and resumes it", async () => {
    const user = await seeker();
    const { id } = await createSubscription(user, { query: "q=кран" }, "ru");
    expect(await updateSubscription(user, { id, name: " Крановщик ", frequency: "WEEKLY" })).toMatchObject({
      name: "Крановщик",
      frequency: "WEEKLY",
    });
    expect(await updateSubscription(user, { id, frequency: "DAILY" })).toMatchObject({ name: "Крановщик", frequency: "DAILY" });

    const first = new Date("2026-03-01T05:00:00Z");
    expect((await setSubscriptionPaused(user, { id, paused: true }, first)).pausedAt).toEqual(first);
    // Pausing again keeps the first time.
    expect((await setSubscriptionPaused(user, { id, paused: true }, new Date())).pausedAt).toEqual(first);
    expect((await setSubscriptionPaused(user, { id, paused: false })).pausedAt).toBeNull();
    expect((await setSubscriptionPaused(user, { id, paused: false })).pausedAt).toBeNull();
  });

  it("refuses a bad name without changing anything", async () => {
    const user = await seeker();
    const { id } = await createSubscription(user, { query: "q=имя" }, "ru");
    const before = await stored(user);
    expect(await outcome(updateSubscription(user, { id, name: "" }))).toBe("zod:validation.subscriptionNameRequired");
    expect(await outcome(updateSubscription(user, { id, name: "x".repeat(151), frequency: "WEEKLY" }))).toBe(
      "zod:validation.subscriptionNameTooLong",
    );
    expect(await outcome(updateSubscription(user, { id, frequency: "MONTHLY" }))).toMatch(/^zod:/);
    expect(await stored(user)).toEqual(before);
  });

  it("treats another seeker's subscription as not found and leaves it alone", async () => {
    const [owner, intruder] = [await seeker(), await seeker()];
    const { id } = await createSubscription(owner, { query: "q=чужая" }, "ru");
    const before = await stored(owner);
    const notFound = "NOT_FOUND:errors.subscriptions.notFound";
    expect(await outcome(updateSubscription(intruder, { id, name: "Моя" }))).toBe(notFound);
    expect(await outcome(setSubscriptionPaused(intruder, { id, paused: true }))).toBe(notFound);
    expect(await outcome(deleteSubscription(intruder, { id }))).toBe(notFound);
    expect(await stored(owner)).toEqual(before);
    expect((await listSubscriptions(intruder, "ru")).items).toEqual([]);
  });

  it("deletes it once", async () => {
    const user = await seeker();
    const { id } = await createSubscription(user, { query: "q=удалить" }, "ru");
    expect(await deleteSubscription(user, { id })).toEqual({ deleted: true });
    expect(await outcome(deleteSubscription(user, { id }))).toBe("NOT_FOUND:errors.subscriptions.notFound");
    expect(await outcome(updateSubscription(user, { id, name: "x" }))).toBe("NOT_FOUND:errors.subscriptions.notFound");
  });
});

describe("listing subscriptions", () => {
  it("lists the seeker's own, newest first, with the search summed up in the reader's language", async () => {
    const user = await seeker();
    await createSubscription(user, { query: "city=subs-konaev&lic=ce" }, "ru");
    await createSubscription(user, { query: "spec=subs-driver", name: "Мой поиск", frequency: "WEEKLY" }, "ru");
    await db.subscription.updateMany({
      where: { userId: user, name: "Конаев · CE" },
      data: { lastDigestAt: new Date("2026-05-04T02:00:00Z") },
    });
    const { items, digestsEnabled } = await listSubscriptions(user, "kk");
    expect(digestsEnabled).toBe(true);
    expect(items.map((s) => [s.name, s.summary, s.query, s.frequency])).toEqual([
      ["Мой поиск", "Жүргізуші", "spec=subs-driver", "WEEKLY"],
      ["Конаев · CE", "Қонаев · CE", "city=subs-konaev&lic=ce", "DAILY"],
    ]);
    expect(items[1]!.lastDigestAt).toEqual(new Date("2026-05-04T02:00:00Z"));
  });
});

describe("through the seeker router", () => {
  it("answers with the transport codes and catalogue keys both languages have", async () => {
    const user = await seeker();
    const caller = createCaller(createContext({ user: await signedIn(user), locale: "kk" }));
    const created = await caller.seeker.subscriptions.create({ query: "q=жүргізуші" });
    const error = await caller.seeker.subscriptions.create({ query: "q=жүргізуші" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    for (const locale of ["ru", "kk"] as const) {
      const { t, has } = dynamicTranslator(locale);
      for (const key of ["duplicate", "limitReached", "notFound", "criteriaInvalid"]) {
        expect(has(`errors.subscriptions.${key}`)).toBe(true);
      }
      expect(t((error as TRPCError).message)).not.toBe((error as TRPCError).message);
    }

    const other = createCaller(createContext({ user: await signedIn(await seeker()), locale: "ru" }));
    for (const call of [
      () => other.seeker.subscriptions.update({ id: created.id, name: "Чужая" }),
      () => other.seeker.subscriptions.setPaused({ id: created.id, paused: true }),
      () => other.seeker.subscriptions.delete({ id: created.id }),
    ]) {
      expect(
        await call().then(
          () => "ok",
          (e: unknown) => (e as TRPCError).code,
        ),
      ).toBe("NOT_FOUND");
    }
    expect(await caller.seeker.subscriptions.create({ query: "lic=zz" }).catch((e: unknown) => (e as TRPCError).code)).toBe(
      "BAD_REQUEST",
    );
    expect((await caller.seeker.subscriptions.list()).items).toHaveLength(1);
  });

  it("is closed to accounts that are not seekers", async () => {
    const employer = await createUser({ isSeeker: false });
    const caller = createCaller(createContext({ user: await signedIn(employer.id) }));
    expect(await caller.seeker.subscriptions.list().catch((e: unknown) => (e as TRPCError).code)).toBe("FORBIDDEN");
    expect(await caller.seeker.saved.list().catch((e: unknown) => (e as TRPCError).code)).toBe("FORBIDDEN");
  });
});
