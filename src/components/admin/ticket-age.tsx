import { getTranslations } from "next-intl/server";

/** How long an open ticket has waited; over its kind's limit it says so in words, not by colour alone. */
export async function TicketAge({ locale, ageHours, overdue }: { locale: string; ageHours: number | null; overdue: boolean }) {
  if (ageHours === null) return <span aria-hidden="true">—</span>;
  const t = await getTranslations({ locale, namespace: "adminTickets" });
  const age = ageHours < 48 ? t("ageHours", { hours: ageHours }) : t("ageDays", { days: Math.floor(ageHours / 24) });
  return overdue ? (
    <span className="font-semibold text-red-800" data-overdue="true">
      {age} <span className="rounded bg-red-100 px-1 text-xs uppercase">{t("overdue")}</span>
    </span>
  ) : (
    <span>{age}</span>
  );
}
