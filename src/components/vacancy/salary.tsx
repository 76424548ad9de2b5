import { useTranslations } from "next-intl";

import { salaryParts } from "@/lib/format";

/** "от 300 000 до 450 000 ₸ на руки" or "Зарплата по договорённости". */
export function Salary({
  from,
  to,
  gross,
  className,
}: {
  from: number | null;
  to: number | null;
  gross: boolean;
  className?: string;
}) {
  const t = useTranslations("vacancy.salary");
  const parts = salaryParts(from, to);
  if (parts.kind === "none") return <span className={className}>{t("byAgreement")}</span>;
  return (
    <span className={className}>
      {t(parts.kind, parts)} <span className="text-sm font-normal text-gray-700">{t(gross ? "gross" : "net")}</span>
    </span>
  );
}
