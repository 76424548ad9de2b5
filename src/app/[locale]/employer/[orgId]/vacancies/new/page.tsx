import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { loadHiringOrganization } from "@/components/employer/load-organization";
import { VacancyEditorPage } from "@/components/employer/vacancy-editor-page";
import { titleMetadata } from "@/i18n/page-metadata";
import { isReadOnlyRole } from "@/lib/org-roles";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employerVacancies", "newTitle", { index: false });

export default async function NewVacancyPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization, others } = await loadHiringOrganization(locale, orgId);
  if (isReadOnlyRole(organization.myRole)) notFound();
  return <VacancyEditorPage locale={locale} organization={organization} others={others} vacancy={null} />;
}
