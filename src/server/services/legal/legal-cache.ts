import { revalidatePath } from "next/cache";

import type { LegalDocumentKind } from "@/generated/prisma/enums";
import { locales } from "@/i18n/routing";
import { inRequestScope } from "@/server/services/vacancies/vacancy-cache";

/** After a version was published: the cached page of the document shows it from the next request. */
export function revalidateLegalPages(kind: LegalDocumentKind): void {
  inRequestScope(() => {
    for (const locale of locales) revalidatePath(`/${locale}/${kind === "TERMS" ? "terms" : "privacy"}`);
  });
}
