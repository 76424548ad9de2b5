import type { Db } from "@/server/db-client";
import { localName } from "@/lib/local-name";
import { db as defaultDb } from "@/server/db";

// Regions, cities and specializations change a few times a year (by migration or by an admin);
// every public page needs them, so each server process keeps one copy for a few minutes.

export interface CatalogRegion {
  id: number;
  slug: string;
  nameRu: string;
  nameKk: string;
}
export interface CatalogCity extends CatalogRegion {
  regionId: number;
  isMajor: boolean;
  latitude: number | null;
  longitude: number | null;
}
export interface CatalogSpecialization extends CatalogRegion {
  parentId: number | null;
  licenceCategory: string | null;
}
export interface Catalog {
  regions: CatalogRegion[];
  cities: CatalogCity[];
  specializations: CatalogSpecialization[];
  regionBySlug: Map<string, CatalogRegion>;
  regionById: Map<number, CatalogRegion>;
  cityBySlug: Map<string, CatalogCity>;
  cityById: Map<number, CatalogCity>;
  specializationBySlug: Map<string, CatalogSpecialization>;
  specializationById: Map<number, CatalogSpecialization>;
  loadedAt: number;
}

const TTL_MS = 5 * 60_000;
const cache = globalThis as unknown as { jumysCatalog?: Promise<Catalog> };

async function load(db: Db): Promise<Catalog> {
  const [regions, cities, specializations] = await Promise.all([
    db.region.findMany({
      orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }],
      select: { id: true, slug: true, nameRu: true, nameKk: true },
    }),
    db.city.findMany({
      orderBy: [{ isMajor: "desc" }, { population: { sort: "desc", nulls: "last" } }, { nameRu: "asc" }],
      select: {
        id: true,
        slug: true,
        nameRu: true,
        nameKk: true,
        regionId: true,
        isMajor: true,
        latitude: true,
        longitude: true,
      },
    }),
    db.specialization.findMany({
      orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }],
      select: { id: true, slug: true, nameRu: true, nameKk: true, parentId: true, licenceCategory: true },
    }),
  ]);
  return {
    regions,
    cities,
    specializations,
    regionBySlug: new Map(regions.map((r) => [r.slug, r])),
    regionById: new Map(regions.map((r) => [r.id, r])),
    cityBySlug: new Map(cities.map((c) => [c.slug, c])),
    cityById: new Map(cities.map((c) => [c.id, c])),
    specializationBySlug: new Map(specializations.map((s) => [s.slug, s])),
    specializationById: new Map(specializations.map((s) => [s.id, s])),
    loadedAt: Date.now(),
  };
}

/** The catalogue, from this process's copy when it is fresh. Pass `db` to read another database. */
export async function getCatalog(db?: Db): Promise<Catalog> {
  if (db) return load(db);
  const current = cache.jumysCatalog;
  if (current) {
    const catalog = await current.catch(() => null);
    if (catalog && Date.now() - catalog.loadedAt < TTL_MS) return catalog;
  }
  const next = load(defaultDb);
  cache.jumysCatalog = next;
  next.catch(() => {
    if (cache.jumysCatalog === next) delete cache.jumysCatalog;
  });
  return next;
}

/** Forgets the process's copy (after an admin edits the catalogue, and in tests). */
export function invalidateCatalog(): void {
  delete cache.jumysCatalog;
}

/** Cities for a select box, named and sorted in the page's language. */
export async function cityOptions(locale: string): Promise<{ id: number; name: string }[]> {
  const catalog = await getCatalog();
  return catalog.cities
    .map((city) => ({ id: city.id, name: localName(city, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The specialization tree for a form: groups with their members, named in the page's language. */
export async function specializationGroups(locale: string) {
  const catalog = await getCatalog();
  const groups = catalog.specializations.filter((s) => s.parentId === null);
  return groups.map((group) => ({
    id: group.id,
    name: localName(group, locale),
    children: catalog.specializations
      .filter((s) => s.parentId === group.id)
      .map((s) => ({ id: s.id, name: localName(s, locale) })),
  }));
}
