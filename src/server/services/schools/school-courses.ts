import { LICENCE_CATEGORIES_LAW_ORDER } from "@/lib/schools/licence-categories";
import { schoolCoursesSchema } from "@/lib/validation/school-profile";
import type { UserActor } from "@/server/audit";
import { audit } from "@/server/audit";
import { db } from "@/server/db";

import { revalidateSchoolPagesAfterCommit } from "./school-pages-cache";

const lawOrder = (category: string) => (LICENCE_CATEGORIES_LAW_ORDER as readonly string[]).indexOf(category);

/** The courses a school teaches, in the law's order of categories. */
export async function listSchoolCourses(organizationId: number) {
  const rows = await db.schoolCourse.findMany({
    where: { organizationId },
    select: { category: true, priceKzt: true, durationHours: true },
  });
  return rows.sort((a, b) => lawOrder(a.category) - lawOrder(b.category));
}

/**
 * Replaces the school's courses with the given list (one transaction; a bad list writes nothing).
 * The caller's role and organisation are checked by the procedure that calls this.
 */
export async function saveSchoolCourses(organizationId: number, raw: unknown, actor: UserActor) {
  const courses = schoolCoursesSchema.parse(raw);
  const school = await db.$transaction(async (tx) => {
    const before = await tx.schoolCourse.findMany({ where: { organizationId }, select: { category: true } });
    await tx.schoolCourse.deleteMany({ where: { organizationId } });
    if (courses.length) await tx.schoolCourse.createMany({ data: courses.map((c) => ({ organizationId, ...c })) });
    await audit(
      tx,
      actor,
      "school.courses.update",
      { type: "organization", id: organizationId },
      { data: { categories: courses.map((c) => c.category) } },
    );
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { id: true, slug: true, city: { select: { slug: true } } },
    });
    return { ...org, categories: [...new Set([...before.map((c) => c.category), ...courses.map((c) => c.category)])] };
  });
  await revalidateSchoolPagesAfterCommit(school);
  return listSchoolCourses(organizationId);
}
