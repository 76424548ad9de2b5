import { revalidatePath } from "next/cache";

import { locales } from "@/i18n/routing";
import { SCHOOLS_PATH, schoolPath, schoolsInCityPath, schoolsLandingPath } from "@/lib/urls";

import { inRequestScope } from "../vacancies/vacancy-cache";

/**
 * After the transaction that changed what a school's public pages show (its courses, its
 * verification) has committed: drops its page and the directory pages that list it.
 */
export async function revalidateSchoolPagesAfterCommit(school: {
  id: number;
  slug: string;
  city: { slug: string } | null;
  categories: readonly string[];
}): Promise<void> {
  inRequestScope(() => {
    for (const locale of locales) {
      const prefix = `/${locale}`;
      revalidatePath(`${prefix}${schoolPath(school.id, school.slug)}`);
      revalidatePath(`${prefix}${SCHOOLS_PATH}`);
      if (!school.city) continue;
      revalidatePath(`${prefix}${schoolsInCityPath(school.city.slug)}`);
      for (const category of school.categories) revalidatePath(`${prefix}${schoolsLandingPath(school.city.slug, category)}`);
    }
  });
}
