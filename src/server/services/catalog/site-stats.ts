import { db } from "@/server/db";

/** Figures for the home page: live vacancies, hiring companies, and the busiest groups. */
export async function getSiteStats(now = new Date()) {
  const live = { status: "PUBLISHED" as const, expiresAt: { gt: now }, publicationType: { not: "CLOSED" as const } };
  const [vacancies, companies, groups] = await Promise.all([
    db.vacancy.count({ where: live }),
    db.organization.count({ where: { vacancies: { some: live }, blockedAt: null } }),
    db.specialization.findMany({
      where: { parentId: null },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        slug: true,
        nameRu: true,
        nameKk: true,
        children: { select: { _count: { select: { vacancies: { where: { vacancy: live } } } } } },
      },
    }),
  ]);
  const topGroups = groups
    .map((g) => ({
      id: g.id,
      slug: g.slug,
      nameRu: g.nameRu,
      nameKk: g.nameKk,
      vacancies: g.children.reduce((sum, c) => sum + c._count.vacancies, 0),
    }))
    .filter((g) => g.vacancies > 0)
    .sort((a, b) => b.vacancies - a.vacancies)
    .slice(0, 12);
  return { vacancies, companies, topGroups };
}
