import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { db } from "@/server/db";

import { createOrganization } from "../../../../../test/support/factories";
import { forgetCachedSearches } from "../search-cache";
import { refreshVacancySearch } from "../search-index";

import { forgetPlannedWords, planQuery } from "./query-words";

// The vacancy search keeps what the vocabulary said about a word for a short while; a refresh of
// the search rows on this server (or the end of cached searches) makes it ask again.

let orgId = 0;
let cityId = 0;

/** The real database, counting the statements it is asked. */
function countingDb(): { db: Pick<Db, "$queryRaw">; statements: () => number } {
  let statements = 0;
  const counting = {
    $queryRaw: ((...args: Parameters<Db["$queryRaw"]>) => {
      statements += 1;
      return db.$queryRaw(...args);
    }) as Db["$queryRaw"],
  };
  return { db: counting, statements: () => statements };
}

async function vacancy(title: string) {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      slug: "v",
      title,
      description: "<p>Описание.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
      expiresAt: new Date(Date.now() + 20 * 86_400_000),
      licenceCategories: [],
    },
    select: { id: true },
  });
  await refreshVacancySearch(db, [row.id]);
  return row.id;
}

async function matches(client: Pick<Db, "$queryRaw">, q: string): Promise<number[]> {
  const { tsquery } = await planQuery(client, q, { cached: true });
  if (!tsquery) return [];
  const rows = await db.$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT vacancy_id AS id FROM vacancy_search WHERE search_vector @@ ${tsquery} ORDER BY vacancy_id`,
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "wc-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "wc-city", nameRu: "Город", nameKk: "Қала" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  await vacancy("Крановщик башенного крана");
});

describe("the word cache of the vacancy search", () => {
  it("asks the vocabulary about a word once, and only when the search wants it", async () => {
    forgetPlannedWords();
    const counting = countingDb();
    await planQuery(counting.db, "крановщик", { cached: true });
    await planQuery(counting.db, "крановщик", { cached: true });
    expect(counting.statements()).toBe(1);
    // A new word of the same query is asked alone; the known one is not asked again.
    await planQuery(counting.db, "крановщик башенного", { cached: true });
    expect(counting.statements()).toBe(2);
    await planQuery(counting.db, "башенного крановщик", { cached: true });
    expect(counting.statements()).toBe(2);
    // Without `cached` (the resume search, the digest) every plan asks.
    await planQuery(counting.db, "крановщик", {});
    expect(counting.statements()).toBe(3);
  });

  it("plans the same words whether they come from the cache or not", async () => {
    forgetPlannedWords();
    const counting = countingDb();
    const first = await planQuery(counting.db, "кроновщик башенного", { cached: true });
    const second = await planQuery(counting.db, "кроновщик башенного", { cached: true });
    expect(counting.statements()).toBe(1);
    expect(second.words).toEqual(first.words);
    expect(second.corrections).toEqual([{ from: "кроновщик", to: "крановщик" }]);
    expect(Prisma.sql`${second.tsquery}`.text).toBe(Prisma.sql`${first.tsquery}`.text);
  });

  it("finds a vacancy's new words at once after the refresh of its search row", async () => {
    const counting = countingDb();
    // The prefix "стропал" knows no word yet: it is planned (and kept) as such.
    expect(await matches(counting.db, "стропальщ")).toEqual([]);
    const id = await vacancy("Стропальщик-такелажник");
    // The refresh made the server forget: the new word's prefix is looked up again and matches.
    expect(await matches(counting.db, "стропальщ")).toEqual([id]);
    expect(await matches(counting.db, "такелажн")).toEqual([id]);
  });

  it("asks again after the cached searches are forgotten", async () => {
    const counting = countingDb();
    await planQuery(counting.db, "крановщик", { cached: true });
    const before = counting.statements();
    await planQuery(counting.db, "крановщик", { cached: true });
    expect(counting.statements()).toBe(before);
    forgetCachedSearches();
    await planQuery(counting.db, "крановщик", { cached: true });
    expect(counting.statements()).toBe(before + 1);
  });
});
