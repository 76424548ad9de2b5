import { revalidatePath } from "next/cache";

import { locales } from "@/i18n/routing";
import { companyPath, jobsInCityPath, jobsLandingPath, vacancyPath } from "@/lib/urls";

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
