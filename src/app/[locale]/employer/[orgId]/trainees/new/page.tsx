import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool } from "@/components/school/load-school";
import { TraineeForm } from "@/components/school/trainee-form";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "trainees.new", { index: false });

export default async function NewTraineePage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  if (!status.canWrite) notFound();
  const t = await getTranslations({ locale, namespace: "schoolRegistry.trainees" });
  const groups = await api.school.groups.list({ organizationId: org.id });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="trainees">
      <h2 className="text-xl font-semibold">{t("new")}</h2>
      <ClientMessages locale={locale} namespaces={["schoolRegistry", "errors", "validation"]}>
        <TraineeForm organizationId={org.id} groups={groups} />
      </ClientMessages>
    </EmployerShell>
  );
}
