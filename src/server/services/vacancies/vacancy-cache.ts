import { revalidatePath } from "next/cache";

import { locales } from "@/i18n/routing";
import { companyPath, jobsInCityPath, jobsLandingPath, vacancyPath } from "@/lib/urls";
import { db } from "@/server/db";

/**
 * Drops the cached pages that show this vacancy, after the transaction that published, edited,
 * archived or removed it has committed (together with refreshVacancySearch inside it). The proxy
 * already answers 410 for a gone vacancy without the cache; this keeps the lists honest.
 */
export function revalidateVacancyPages(vacancy: {
  id: number;
  slug: string;
  citySlug: string;
  specializationSlugs: string[];
  company: { id: number; slug: string } | null;
}): void {
  for (const locale of locales) {
    const prefix = `/${locale}`;
    revalidatePath(`${prefix}${vacancyPath(vacancy.id, vacancy.slug)}`);
    revalidatePath(`${prefix}${jobsInCityPath(vacancy.citySlug)}`);
    for (const spec of vacancy.specializationSlugs) revalidatePath(`${prefix}${jobsLandingPath(vacancy.citySlug, spec)}`);
    if (vacancy.company) revalidatePath(`${prefix}${companyPath(vacancy.company.id, vacancy.company.slug)}`);
    revalidatePath(prefix);
  }
}

/**
 * After the transaction that changed these vacancies has committed: drops their cached pages.
 * Outside a request (scripts, jobs run from tests) there is no page cache to drop, and Next says
 * so with an invariant error, which is the one error ignored here.
 */
export async function revalidateVacanciesAfterCommit(vacancyIds: readonly number[]): Promise<void> {
  if (vacancyIds.length === 0) return;
  const rows = await db.vacancy.findMany({
    where: { id: { in: [...vacancyIds] } },
    select: {
      id: true,
      slug: true,
      publicationType: true,
      city: { select: { slug: true } },
      specializations: { select: { specialization: { select: { slug: true } } } },
      organization: { select: { id: true, slug: true } },
    },
  });
  try {
    for (const row of rows) {
      revalidateVacancyPages({
        id: row.id,
        slug: row.slug,
        citySlug: row.city.slug,
        specializationSlugs: row.specializations.map((s) => s.specialization.slug),
        company: row.publicationType === "ANONYMOUS" ? null : row.organization,
      });
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Invariant: static generation store missing")) return;
    throw error;
  }
}
