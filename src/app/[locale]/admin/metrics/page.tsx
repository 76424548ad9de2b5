import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { AdminNav } from "@/components/admin/admin-nav";
import { TableBox, td, th } from "@/components/admin/finance/finance-page";
import { Alert } from "@/components/ui/alert";
import { BarChart, CHART_NEGATIVE_COLOR, chartColor, type BarSeries } from "@/components/ui/bar-chart";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { METRICS_STAFF_ROLES, metricsVisibleTo } from "@/lib/admin-queues";
import { formatTiyn } from "@/lib/format";
import { requireStaff } from "@/server/auth/require-staff";
import { isDomainError } from "@/server/errors";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and the range.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** "2031-03-01" as "01.03.2031". */
const dayLabel = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const tenge = (tiyn: bigint) => Number(tiyn) / 100;
const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

interface Column {
  name: string;
  values: readonly ReactNode[];
  total?: ReactNode;
}

/** The chart's numbers as a table, folded under the chart; it scrolls sideways on a phone. */
function NumbersTable({
  caption,
  days,
  columns,
  labels,
}: {
  caption: string;
  days: readonly string[];
  columns: Column[];
  labels: { table: string; day: string; total: string };
}) {
  const totals = columns.some((c) => c.total !== undefined);
  return (
    <details className="rounded-md border border-gray-200 bg-white">
      <summary className="cursor-pointer px-3 py-2 text-brand-700 underline">{labels.table}</summary>
      <TableBox>
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-semibold">{caption}</caption>
          <thead className="bg-gray-50">
            <tr>
              <th scope="col" className={th}>
                {labels.day}
              </th>
              {columns.map((c) => (
                <th key={c.name} scope="col" className={th}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day} className="border-t border-gray-200">
                <th scope="row" className={`${td} text-left font-normal whitespace-nowrap`}>
                  {dayLabel(day)}
                </th>
                {columns.map((c) => (
                  <td key={c.name} className={`${td} whitespace-nowrap`}>
                    {c.values[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {totals ? (
            <tfoot>
              <tr className="border-t-2 border-gray-300 font-semibold">
                <th scope="row" className={`${td} text-left`}>
                  {labels.total}
                </th>
                {columns.map((c) => (
                  <td key={c.name} className={`${td} whitespace-nowrap`}>
                    {c.total}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableBox>
    </details>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-2" data-testid={`metrics-${id}`}>
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {hint ? <p className="text-sm text-gray-700">{hint}</p> : null}
      {children}
    </section>
  );
}

/**
 * Activity and revenue per Almaty day over a chosen range: a picture and a table of the same
 * numbers for each metric. Superadmins see everything; finance sees the revenue (admin-queues.ts).
 */
export default async function AdminMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...METRICS_STAFF_ROLES]);
  const role = staff.staffRole ?? "SUPERADMIN";
  const t = await getTranslations({ locale, namespace: "adminMetrics" });
  const raw = await searchParams;
  const value = (key: string) => {
    const v = raw[key];
    return typeof v === "string" ? v.trim() : "";
  };
  const asked = { from: value("from"), to: value("to") };

  const failure: { key: string | null } = { key: null };
  const load = <T,>(query: () => Promise<T>): Promise<T | null> => {
    // Longer than a day can be: the same refusal the service gives a malformed day.
    if (asked.from.length > 10 || asked.to.length > 10) {
      failure.key = "errors.metrics.dayInvalid";
      return Promise.resolve(null);
    }
    return query().catch((error: unknown) => {
      if (error instanceof TRPCError && isDomainError(error.cause)) {
        failure.key = error.cause.messageKey;
        return null;
      }
      throw error;
    });
  };
  const input = { from: asked.from || undefined, to: asked.to || undefined };
  const [activity, revenue] = await Promise.all([
    metricsVisibleTo("activity", role) ? load(() => api.admin.metrics.activity(input)) : null,
    metricsVisibleTo("revenue", role) ? load(() => api.admin.metrics.revenue(input)) : null,
  ]);
  const range = activity ?? revenue;
  const numbers = new Intl.NumberFormat(locale === "kk" ? "kk-KZ" : "ru-RU", { maximumFractionDigits: 1 });
  const hours = (seconds: number | null) =>
    seconds === null ? "—" : t("moderation.hours", { value: numbers.format(seconds / 3600) });
  const labels = { table: t("table"), day: t("day"), total: t("total") };
  const summary = (title: string, values: string) =>
    range ? t("summary", { title, from: dayLabel(range.from), to: dayLabel(range.to), values }) : title;
  const totals = (series: BarSeries[], format: (n: number) => string = String) =>
    series.map((s) => t("summaryTotal", { name: s.name, total: format(sum(s.values)) })).join("; ");
  const csv = (part: string) => {
    const q = new URLSearchParams({ part, lang: locale });
    if (range) {
      q.set("from", range.from);
      q.set("to", range.to);
    }
    return `/api/admin/metrics.csv?${q.toString()}`;
  };

  const countChart = (id: string, title: string, series: BarSeries[], hint?: string, stacked = false) =>
    activity ? (
      <Section id={id} title={title} hint={hint}>
        <BarChart
          label={summary(title, totals(series))}
          days={activity.days.map((d) => d.day)}
          series={series}
          stacked={stacked}
        />
        <NumbersTable
          caption={title}
          days={activity.days.map((d) => d.day)}
          columns={series.map((s) => ({ name: s.name, values: s.values, total: sum(s.values) }))}
          labels={labels}
        />
      </Section>
    ) : null;

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <AdminNav locale={locale} role={role} current="metrics" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("range")} aria-describedby="metrics-range-hint">
        <div className="w-44">
          <Field id="from" label={t("from")} type="date" defaultValue={range?.from ?? asked.from} />
        </div>
        <div className="w-44">
          <Field id="to" label={t("to")} type="date" defaultValue={range?.to ?? asked.to} />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("apply")}
        </button>
        <Link href="/admin/metrics" className="self-center py-2 text-brand-700 underline">
          {t("reset")}
        </Link>
        <p id="metrics-range-hint" className="w-full text-sm text-gray-700">
          {t("rangeHint")}
        </p>
      </form>

      {failure.key !== null || !range ? (
        <Alert tone="error">{dynamicTranslator(locale as AppLocale).t(failure.key ?? "errors.invalidInput")}</Alert>
      ) : (
        <>
          <p className="text-gray-700" data-testid="metrics-period">
            {t("period", { from: dayLabel(range.from), to: dayLabel(range.to) })}
          </p>
          {activity ? (
            <>
              <a href={csv("activity")} className="self-start text-brand-700 underline" download>
                {`${t("csv")}: ${t("activity")}`}
              </a>
              {countChart(
                "vacancies",
                t("vacancies.title"),
                [{ name: t("vacancies.series"), values: activity.days.map((d) => d.vacanciesPublished), color: chartColor(0) }],
                t("vacancies.hint"),
              )}
              {countChart("applications", t("applications.title"), [
                { name: t("applications.series"), values: activity.days.map((d) => d.applications), color: chartColor(0) },
              ])}
              {countChart("signups", t("signups.title"), [
                { name: t("signups.seekers"), values: activity.days.map((d) => d.newSeekers), color: chartColor(0) },
                {
                  name: t("signups.organizations"),
                  values: activity.days.map((d) => d.newOrganizations),
                  color: chartColor(2),
                },
              ])}
              {countChart(
                "digests",
                t("digests.title"),
                [
                  { name: t("digests.sent"), values: activity.days.map((d) => d.digestsSent), color: chartColor(0) },
                  { name: t("digests.failed"), values: activity.days.map((d) => d.digestsFailed), color: chartColor(1) },
                ],
                undefined,
                true,
              )}
              <Section id="moderation" title={t("moderation.title")} hint={t("moderation.hint")}>
                <BarChart
                  label={summary(
                    t("moderation.title"),
                    t("moderation.summary", { count: sum(activity.days.map((d) => d.decisions)) }),
                  )}
                  days={activity.days.map((d) => d.day)}
                  series={[
                    {
                      name: t("moderation.median"),
                      values: activity.days.map((d) => (d.moderationMedianSeconds ?? 0) / 3600),
                      color: chartColor(0),
                    },
                    {
                      name: t("moderation.p90"),
                      values: activity.days.map((d) => (d.moderationP90Seconds ?? 0) / 3600),
                      color: chartColor(2),
                    },
                  ]}
                  format={(h) => hours(h * 3600)}
                />
                <NumbersTable
                  caption={t("moderation.title")}
                  days={activity.days.map((d) => d.day)}
                  columns={[
                    {
                      name: t("moderation.decisions"),
                      values: activity.days.map((d) => d.decisions),
                      total: sum(activity.days.map((d) => d.decisions)),
                    },
                    { name: t("moderation.median"), values: activity.days.map((d) => hours(d.moderationMedianSeconds)) },
                    { name: t("moderation.p90"), values: activity.days.map((d) => hours(d.moderationP90Seconds)) },
                  ]}
                  labels={labels}
                />
              </Section>
            </>
          ) : null}
          {revenue ? (
            <Section id="revenue" title={t("revenue.title")} hint={t("revenue.hint")}>
              <a href={csv("revenue")} className="self-start text-brand-700 underline" download>
                {`${t("csv")}: ${t("revenue.title")}`}
              </a>
              <BarChart
                label={summary(
                  t("revenue.title"),
                  [
                    ...revenue.products.map((p, i) =>
                      t("summaryTotal", {
                        name: locale === "kk" ? p.nameKk : p.nameRu,
                        total: formatTiyn(revenue.total.byProduct[i] ?? 0n),
                      }),
                    ),
                    t("summaryTotal", { name: t("revenue.refunds"), total: formatTiyn(revenue.total.refunds) }),
                    t("summaryTotal", { name: t("revenue.net"), total: formatTiyn(revenue.total.net) }),
                  ].join("; "),
                )}
                days={revenue.days.map((d) => d.day)}
                series={[
                  ...revenue.products.map((p, i) => ({
                    name: locale === "kk" ? p.nameKk : p.nameRu,
                    values: revenue.days.map((d) => tenge(d.byProduct[i] ?? 0n)),
                    color: chartColor(i),
                  })),
                  {
                    name: t("revenue.refunds"),
                    values: revenue.days.map((d) => -tenge(d.refunds)),
                    color: CHART_NEGATIVE_COLOR,
                  },
                ]}
                stacked
                format={(v) => formatTiyn(BigInt(Math.round(v * 100)))}
              />
              <NumbersTable
                caption={t("revenue.title")}
                days={revenue.days.map((d) => d.day)}
                columns={[
                  ...revenue.products.map((p, i) => ({
                    name: locale === "kk" ? p.nameKk : p.nameRu,
                    values: revenue.days.map((d) => formatTiyn(d.byProduct[i] ?? 0n)),
                    total: formatTiyn(revenue.total.byProduct[i] ?? 0n),
                  })),
                  {
                    name: t("revenue.purchases"),
                    values: revenue.days.map((d) => formatTiyn(d.purchases)),
                    total: formatTiyn(revenue.total.purchases),
                  },
                  {
                    name: t("revenue.refunds"),
                    values: revenue.days.map((d) => formatTiyn(d.refunds)),
                    total: formatTiyn(revenue.total.refunds),
                  },
                  {
                    name: t("revenue.net"),
                    values: revenue.days.map((d) => formatTiyn(d.net)),
                    total: formatTiyn(revenue.total.net),
                  },
                ]}
                labels={labels}
              />
            </Section>
          ) : null}
        </>
      )}
    </div>
  );
}
