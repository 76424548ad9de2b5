import { getTranslations } from "next-intl/server";

import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { getCatalog, cityOptions, specializationGroups } from "@/server/services/catalog/catalog";
import { localName } from "@/lib/local-name";

import type { ResumeFormValues } from "./form-values";
import { ResumeEditor } from "./resume-editor";

/** The resume form with its catalogue options, for both a new and an existing resume. */
export async function ResumeEditorPage({
  locale,
  resumeId,
  values,
}: {
  locale: string;
  resumeId: number | null;
  values: ResumeFormValues;
}) {
  const t = await getTranslations({ locale, namespace: "resumes" });
  const [cities, specializations, catalog] = await Promise.all([cityOptions(locale), specializationGroups(locale), getCatalog()]);
  const regions = catalog.regions
    .map((r) => ({ id: r.id, name: localName(r, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div className="flex flex-col gap-4">
      <Link href={resumeId ? `/seeker/resumes/${resumeId}` : "/seeker/resumes"} className="text-sm text-brand-800 underline">
        {resumeId ? t("backToResume") : t("backToList")}
      </Link>
      <h1 className="text-2xl font-bold">{resumeId ? t("editTitle") : t("newTitle")}</h1>
      <p className="text-sm text-gray-700">{t("editor.privacyNote")}</p>
      <ClientMessages locale={locale} namespaces={["resumes", "vacancy", "errors", "validation"]}>
        <ResumeEditor resumeId={resumeId} values={values} cities={cities} regions={regions} specializations={specializations} />
      </ClientMessages>
    </div>
  );
}
