import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { loadHiringOrganization } from "@/components/employer/load-organization";
import { VacancyEditorPage } from "@/components/employer/vacancy-editor-page";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employerVacancies", "title", { index: false });

export default async function EditVacancyPage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; vacancyId: string }>;
}) {
  const { locale, orgId, vacancyId } = await params;
  setRequestLocale(locale);
  const { organization, others } = await loadHiringOrganization(locale, orgId);
  if (!/^\d{1,9}$/.test(vacancyId)) notFound();
  const vacancy = await api.employer.vacancies
    .get({ organizationId: organization.id, vacancyId: Number(vacancyId) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  return (
    <VacancyEditorPage
      locale={locale}
      organization={organization}
      others={others}
      vacancy={{ ...vacancy, language: vacancy.language, licenceCategories: vacancy.licenceCategories }}
    />
  );
}
