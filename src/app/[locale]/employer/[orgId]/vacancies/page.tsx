import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";
import { isReadOnlyRole } from "@/lib/org-roles";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employerVacancies", "title", { index: false });

export default async function OrganizationVacanciesPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadHiringOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "employerVacancies" });
  const tStatus = await getTranslations({ locale, namespace: "vacancyStatus" });
  const vacancies = await api.employer.vacancies.list({ organizationId: org.id });
  const canWrite = !isReadOnlyRole(org.myRole);
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="vacancies">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        {canWrite ? (
          <Link
            href={`/employer/${org.id}/vacancies/new`}
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("create")}
          </Link>
        ) : null}
      </div>
      {vacancies.length === 0 ? <p className="text-gray-700">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {vacancies.map((vacancy) => (
          <li key={vacancy.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4">
            <Link
              href={`/employer/${org.id}/vacancies/${vacancy.id}`}
              className="text-lg font-medium break-words text-brand-800 underline"
            >
              {vacancy.title}
            </Link>
            <p className="text-sm text-gray-700">
              {tStatus(vacancy.status)} · {localName(vacancy.city, locale)} ·{" "}
              {t("applications", { count: vacancy._count.applications })}
              {vacancy.status === "PUBLISHED" && vacancy.expiresAt
                ? ` · ${t("until", { date: formatDate(vacancy.expiresAt, locale, "medium") })}`
                : null}
            </p>
            {vacancy.status === "RETURNED" && vacancy.moderationReason ? (
              <p className="text-sm text-red-800">{t("returnedReason", { reason: vacancy.moderationReason })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </EmployerShell>
  );
}
