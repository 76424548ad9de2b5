import { db } from "@/server/db";

/** Regions with their cities, in display order. */
export function listRegions() {
  return db.region.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }],
    select: {
      id: true,
      slug: true,
      nameRu: true,
      nameKk: true,
      cities: {
        orderBy: [{ isMajor: "desc" }, { nameRu: "asc" }],
        select: { id: true, slug: true, nameRu: true, nameKk: true, isMajor: true },
      },
    },
  });
}
