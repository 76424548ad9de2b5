import { revalidatePath } from "next/cache";

import { locales } from "@/i18n/routing";
import type { OrgType } from "@/generated/prisma/enums";
import { jobsInCityPath, jobsLandingPath, organizationPath, vacancyPath } from "@/lib/urls";
import { db, noteWriteForReads } from "@/server/db";
import { forgetCachedSearches } from "@/server/services/search/search-cache";
import type { Db, DbTx } from "@/server/db-client";

/**
 * After a committed write that changes public pages: the pages rendered again next must not come
 * from a replica that lags behind it, nor from this server's short-lived search results.
 */
function publicDataChanged(): void {
  noteWriteForReads();
  forgetCachedSearches();
}

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
  company: { id: number; slug: string; type: OrgType } | null;
}): void {
  publicDataChanged();
  for (const locale of locales) {
    const prefix = `/${locale}`;
    revalidatePath(`${prefix}${vacancyPath(vacancy.id, vacancy.slug)}`);
    revalidatePath(`${prefix}${jobsInCityPath(vacancy.citySlug)}`);
    for (const spec of vacancy.specializationSlugs) revalidatePath(`${prefix}${jobsLandingPath(vacancy.citySlug, spec)}`);
    if (vacancy.company) revalidatePath(`${prefix}${organizationPath(vacancy.company)}`);
    revalidatePath(prefix);
  }
}

/** What names a vacancy's cached pages (see revalidateVacancyPages). */
export type VacancyPageKeys = Parameters<typeof revalidateVacancyPages>[0];

/**
 * The keys of these vacancies' cached pages, read with `client` (a transaction that is about to
 * delete them reads them first, as nothing is left to read after the commit).
 */
export async function vacancyPageKeys(vacancyIds: readonly number[], client: Db | DbTx = db): Promise<VacancyPageKeys[]> {
  if (vacancyIds.length === 0) return [];
  const rows = await client.vacancy.findMany({
    where: { id: { in: [...vacancyIds] } },
    select: {
      id: true,
      slug: true,
      publicationType: true,
      city: { select: { slug: true } },
      specializations: { select: { specialization: { select: { slug: true } } } },
      organization: { select: { id: true, slug: true, type: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    citySlug: row.city.slug,
    specializationSlugs: row.specializations.map((s) => s.specialization.slug),
    company: row.publicationType === "ANONYMOUS" ? null : row.organization,
  }));
}

/** After the transaction that changed or deleted these vacancies has committed: drops their cached pages. */
export function revalidateVacancyPageKeys(keys: readonly VacancyPageKeys[]): void {
  inRequestScope(() => {
    for (const key of keys) revalidateVacancyPages(key);
  });
}

/** After the transaction that changed these vacancies has committed: drops their cached pages. */
export async function revalidateVacanciesAfterCommit(vacancyIds: readonly number[]): Promise<void> {
  revalidateVacancyPageKeys(await vacancyPageKeys(vacancyIds));
}

/**
 * After the transaction that renamed an organisation (or changed what its pages show) has
 * committed: drops its own page under every slug it had, and the pages of its published
 * vacancies, which show its name.
 */
export async function revalidateOrganizationPagesAfterCommit(organization: {
  id: number;
  type: OrgType;
  slugs: readonly string[];
}): Promise<void> {
  const vacancies = await db.vacancy.findMany({
    where: { organizationId: organization.id, status: "PUBLISHED" },
    select: { id: true },
  });
  inRequestScope(() => {
    for (const locale of locales)
      for (const slug of new Set(organization.slugs))
        revalidatePath(`/${locale}${organizationPath({ id: organization.id, slug, type: organization.type })}`);
  });
  await revalidateVacanciesAfterCommit(vacancies.map((v) => v.id));
}

/**
 * Outside a request (scripts, jobs run from tests) there is no page cache to drop, and Next says
 * so with an invariant error, which is the one error ignored here.
 */
export function inRequestScope(revalidate: () => void): void {
  publicDataChanged();
  try {
    revalidate();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Invariant: static generation store missing")) return;
    throw error;
  }
}
