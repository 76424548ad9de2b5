import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool } from "@/components/school/load-school";
import { TraineeImport } from "@/components/school/trainee-import";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "import.title", { index: false });

export default async function TraineeImportPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  if (!status.canWrite) notFound();
  const t = await getTranslations({ locale, namespace: "schoolRegistry.import" });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="trainees">
      <p className="text-sm">
        <Link href={`/employer/${org.id}/trainees`} className="underline">
          {t("back")}
        </Link>
      </p>
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-gray-700">{t("intro")}</p>
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={`/api/schools/trainee-template?format=xlsx&lang=${locale}`} className="underline">
          {t("templateXlsx")}
        </a>
        <a href={`/api/schools/trainee-template?format=csv&lang=${locale}`} className="underline">
          {t("templateCsv")}
        </a>
      </p>
      <ClientMessages locale={locale} namespaces={["schoolRegistry"]}>
        <TraineeImport organizationId={org.id} />
      </ClientMessages>
    </EmployerShell>
  );
}
