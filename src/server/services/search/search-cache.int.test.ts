import { beforeAll, describe, expect, it } from "vitest";

import { parseSearchParams } from "@/lib/search/params";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { revalidateVacancyPageKeys, vacancyPageKeys } from "../vacancies/vacancy-cache";

import { cachedSearchVacancies } from "./search-cache";
import { cachedSearchPagePath } from "./search-page-cache";

const NOW_MS = Date.UTC(2026, 11, 6, 12);
import { refreshVacancySearch } from "./search-index";

const DAY = 86_400_000;
// A word of this file's own, so that other files' vacancies never match.
const WORD = "кэшпроверка";
let orgId = 0;
let cityId = 0;

async function publish(title: string): Promise<number> {
  const { id } = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      slug: "cache-check",
      title,
      description: "<p>Описание вакансии.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - DAY),
      expiresAt: new Date(Date.now() + 20 * DAY),
    },
    select: { id: true },
  });
  await refreshVacancySearch(db, [id]);
  return id;
}

const params = (raw: Record<string, string>) => parseSearchParams(raw).params;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "cache-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "cache-city", nameRu: "Город", nameKk: "Қала" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  await publish(`Оператор ${WORD}`);
});

describe("the search page's short-lived results", () => {
  it("answers the same search from the cache, and concurrent ones with one query", async () => {
    const [a, b] = await Promise.all([
      cachedSearchVacancies(params({ q: WORD }), { locale: "ru" }),
      cachedSearchVacancies(params({ q: WORD }), { locale: "ru" }),
    ]);
    expect(a).toBe(b);
    expect(a.total).toBe(1);

    // Written behind the application's back (no page revalidation): the cached page stays as it was…
    await publish(`Диспетчер ${WORD}`);
    expect((await cachedSearchVacancies(params({ q: WORD }), { locale: "ru" })).total).toBe(1);
    // …while another language or another order is a search of its own.
    expect((await cachedSearchVacancies(params({ q: WORD }), { locale: "kk" })).total).toBe(2);
    expect((await cachedSearchVacancies(params({ q: WORD, sort: "date" }), { locale: "ru" })).total).toBe(2);
  });

  it("forgets every cached search after a write that drops public pages", async () => {
    // Still the page cached before the second vacancy was written.
    expect((await cachedSearchVacancies(params({ q: WORD }), { locale: "ru" })).total).toBe(1);
    const id = await publish(`Кладовщик ${WORD}`);
    const pageBefore = cachedSearchPagePath("ru", `q=${WORD}`, NOW_MS);
    // What the services call after such a commit (outside a request there is no page cache to drop).
    revalidateVacancyPageKeys(await vacancyPageKeys([id]));
    // This server's rendered search pages are not served again either.
    expect(cachedSearchPagePath("ru", `q=${WORD}`, NOW_MS)).not.toBe(pageBefore);
    const after = await cachedSearchVacancies(params({ q: WORD }), { locale: "ru" });
    expect(after.total).toBe(3);
    expect(after.items.map((item) => item.id)).toContain(id);
  });
});
