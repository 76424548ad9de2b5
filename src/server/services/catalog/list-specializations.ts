import { db } from "@/server/db";

/** The two-level specialization tree: groups with their specializations. */
export function listSpecializationTree() {
  return db.specialization.findMany({
    where: { parentId: null },
    orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }],
    select: {
      id: true,
      slug: true,
      nameRu: true,
      nameKk: true,
      children: {
        orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }],
        select: { id: true, slug: true, nameRu: true, nameKk: true, licenceCategory: true },
      },
    },
  });
}
