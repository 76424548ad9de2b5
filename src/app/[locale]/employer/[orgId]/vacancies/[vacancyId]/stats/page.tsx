import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { VacancyStatsChart } from "@/components/employer/vacancy-stats-chart";
import { titleMetadata } from "@/i18n/page-metadata";
import { Link } from "@/i18n/navigation";
import { formatAmount } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("vacancyStats", "title", { index: false });

// Russian and Kazakh both write a decimal comma and a space before the percent sign.
const percent = (share: number) => `${(share * 100).toFixed(1).replace(".", ",")}\u00a0%`;
const fullDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

export default async function VacancyStatsPage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; vacancyId: string }>;
}) {
  const { locale, orgId, vacancyId } = await params;
  setRequestLocale(locale);
  const { organization, others } = await loadHiringOrganization(locale, orgId);
  if (!/^\d{1,9}$/.test(vacancyId)) notFound();
  const ids = { organizationId: organization.id, vacancyId: Number(vacancyId) };
  const [vacancy, stats] = await Promise.all([api.employer.vacancies.get(ids), api.employer.vacancies.stats(ids)]).catch(
    (error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  const t = await getTranslations({ locale, namespace: "vacancyStats" });
  const first = stats.days[0];
  const last = stats.days.at(-1);
  const totals = [
    { label: t("views"), value: formatAmount(stats.views), hint: null },
    { label: t("applications"), value: formatAmount(stats.applications), hint: null },
    {
      label: t("conversion"),
      value: stats.conversion === null ? "—" : percent(stats.conversion),
      hint: stats.conversion === null ? t("noViews") : t("conversionHint"),
    },
  ];
  return (
    <EmployerShell locale={locale} organization={organization} role={organization.myRole} others={others} current="vacancies">
      <div className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href={`/employer/${organization.id}/vacancies/${vacancy.id}`} className="underline">
            {t("back")}
          </Link>
        </p>
        <h2 className="text-xl font-semibold break-words">{t("heading", { title: vacancy.title })}</h2>
        {first && last ? (
          <p className="text-sm text-gray-700">{t("period", { from: fullDate(first.day), to: fullDate(last.day) })}</p>
        ) : null}
      </div>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {totals.map((total) => (
          <div key={total.label} className="rounded-md border border-gray-200 px-4 py-3">
            <dt className="text-sm text-gray-700">{total.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{total.value}</dd>
            {total.hint ? <dd className="text-sm text-gray-700">{total.hint}</dd> : null}
          </div>
        ))}
      </dl>
      {stats.days.length > 0 ? (
        <VacancyStatsChart
          days={stats.days}
          labels={{
            title: t("chartTitle"),
            views: t("views"),
            applications: t("applications"),
            day: t("day"),
            showTable: t("showTable"),
            tableCaption: t("tableCaption"),
          }}
        />
      ) : (
        <p>{t("noData")}</p>
      )}
      <p className="text-sm text-gray-700">{t("note")}</p>
    </EmployerShell>
  );
}
