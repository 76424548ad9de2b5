import type { StaffRole } from "@/generated/prisma/enums";
import { dynamicTranslator } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import type { CsvCell } from "../billing/documents/csv";

import { activityMetrics, revenueMetrics, type MetricsRangeInput } from "./metrics";

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 60));

/** The metrics page's tables as CSV rows, headed in the reader's language (cells escaped by csv.ts). */
export async function metricsCsv(
  part: "activity" | "revenue",
  viewer: { role: StaffRole },
  input: MetricsRangeInput,
  language: AppLocale,
): Promise<{ filename: string; header: string[]; rows: CsvCell[][] }> {
  const { t } = dynamicTranslator(language);
  const m = (key: string) => t(`adminMetrics.${key}`);
  if (part === "activity") {
    const data = await activityMetrics(viewer, input);
    return {
      filename: `metrics-activity-${data.from}-${data.to}.csv`,
      header: [
        m("day"),
        m("vacancies.title"),
        m("applications.title"),
        m("signups.seekers"),
        m("signups.organizations"),
        `${m("digests.title")}: ${m("digests.sent")}`,
        `${m("digests.title")}: ${m("digests.failed")}`,
        m("moderation.decisions"),
        `${m("moderation.median")}, ${m("minutesUnit")}`,
        `${m("moderation.p90")}, ${m("minutesUnit")}`,
      ],
      rows: data.days.map((d) => [
        d.day,
        d.vacanciesPublished,
        d.applications,
        d.newSeekers,
        d.newOrganizations,
        d.digestsSent,
        d.digestsFailed,
        d.decisions,
        minutes(d.moderationMedianSeconds),
        minutes(d.moderationP90Seconds),
      ]),
    };
  }
  const data = await revenueMetrics(viewer, input);
  return {
    filename: `metrics-revenue-${data.from}-${data.to}.csv`,
    header: [
      m("day"),
      ...data.products.map((p) => (language === "kk" ? p.nameKk : p.nameRu)),
      m("revenue.purchases"),
      m("revenue.refunds"),
      m("revenue.net"),
    ],
    rows: data.days.map((d) => [
      d.day,
      ...d.byProduct.map((tiyn) => ({ tiyn })),
      { tiyn: d.purchases },
      { tiyn: d.refunds },
      { tiyn: d.net },
    ]),
  };
}
