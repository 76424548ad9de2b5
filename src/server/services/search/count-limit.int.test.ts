import { beforeAll, describe, expect, it } from "vitest";

import { COUNT_LIMIT, MAX_PAGE, PAGE_SIZE, parseSearchParams } from "@/lib/search/params";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { spyOnQueries } from "../../../../test/support/query-spy";
import { invalidateCatalog } from "../catalog/catalog";

import { rebuildVacancySearch } from "./search-index";
import { searchVacancies } from "./search-vacancies";

// The search counts its matches up to the last one a visitor can page to (COUNT_LIMIT); above it
// the total is a lower bound ("more than 1 000") and the facets are left out.

const DAY = 86_400_000;
const now = new Date();
const search = (raw: Record<string, string>) => searchVacancies(parseSearchParams(raw).params, { locale: "ru", now });

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "cl-region", nameRu: "Область", nameKk: "Облыс" } });
  const [big, small, huge] = await Promise.all(
    ["cl-big", "cl-small", "cl-huge"].map((slug) =>
      db.city.create({ data: { regionId: region.id, slug, nameRu: slug, nameKk: slug } }),
    ),
  );
  const org = await createOrganization("EMPLOYER");
  // Exactly COUNT_LIMIT welders in one city, three more in another, and a few cooks.
  const welder = (cityId: number, i: number) => ({
    organizationId: org.id,
    cityId,
    slug: `welder-${cityId}-${i}`,
    title: "Сварщик",
    description: "<p>Сварка металлоконструкций.</p>",
    status: "PUBLISHED" as const,
    publishedAt: new Date(now.getTime() - DAY - i * 60_000),
    expiresAt: new Date(now.getTime() + 20 * DAY),
    licenceCategories: [],
  });
  await db.vacancy.createMany({
    data: [
      ...Array.from({ length: COUNT_LIMIT }, (_, i) => welder(big!.id, i)),
      ...Array.from({ length: 3 }, (_, i) => welder(small!.id, i)),
      ...Array.from({ length: 4 }, (_, i) => ({ ...welder(small!.id, 10 + i), slug: `cook-${i}`, title: "Повар" })),
      // Enough fitters for the planner to expect more than twice the limit.
      ...Array.from({ length: 2 * COUNT_LIMIT + 100 }, (_, i) => ({
        ...welder(huge!.id, i),
        slug: `fitter-${i}`,
        title: "Монтажник",
      })),
    ],
  });
  await rebuildVacancySearch(db);
  await db.$executeRaw`ANALYZE vacancy_search`;
  invalidateCatalog();
});

describe("the count of a search", () => {
  it("stops at the last result a visitor can page to and says there are more", async () => {
    expect(COUNT_LIMIT).toBe(MAX_PAGE * PAGE_SIZE);
    const all = await search({ q: "сварщик" });
    expect(all).toMatchObject({ total: COUNT_LIMIT, totalIsLowerBound: true, pageCount: MAX_PAGE, facets: null });
    // The last page is there, and full.
    const last = await search({ q: "сварщик", page: String(MAX_PAGE) });
    expect(last.items).toHaveLength(PAGE_SIZE);
  });

  it("finds more than the limit by walking the newest rows when the planner expects them dense", async () => {
    const { db: spied, statements } = spyOnQueries(db);
    const fitters = await searchVacancies(parseSearchParams({ q: "монтажник" }).params, { locale: "ru", now, db: spied });
    expect(fitters).toMatchObject({ total: COUNT_LIMIT, totalIsLowerBound: true, pageCount: MAX_PAGE, facets: null });
    // The walk's count answered; the index's count (with its facet rows) was not asked.
    expect(statements.some((sql) => /SELECT count\(\*\)::int AS n FROM \(\s*SELECT 1 FROM \(/.test(sql))).toBe(true);
    expect(statements.some((sql) => sql.includes("AS facet"))).toBe(false);
  });

  it("is exact up to the limit itself, with the facets", async () => {
    const exact = await search({ q: "сварщик", city: "cl-big" });
    expect(exact).toMatchObject({ total: COUNT_LIMIT, totalIsLowerBound: false, pageCount: MAX_PAGE });
    expect(exact.facets?.cities).toEqual([expect.objectContaining({ count: COUNT_LIMIT })]);
    const few = await search({ q: "повар" });
    expect(few).toMatchObject({ total: 4, totalIsLowerBound: false, pageCount: 1 });
    expect(few.facets?.cities).toEqual([expect.objectContaining({ count: 4 })]);
  });

  it("says how many dropping a filter would give, up to the same limit", async () => {
    const none = await search({ q: "повар", city: "cl-big" });
    expect(none.total).toBe(0);
    // Dropping the city gives the four cooks; dropping the words gives every welder of the city.
    expect(none.relaxations).toEqual([
      { drop: "q", total: COUNT_LIMIT },
      { drop: "location", total: 4 },
    ]);
  });
});
