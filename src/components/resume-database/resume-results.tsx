import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";
import { formatAmount, formatDate, licenceLabel } from "@/lib/format";
import { localName } from "@/lib/local-name";
import type { ResumeCard } from "@/server/services/resume-database/search-resumes";

/** The found resumes as cards: what the resume says about the work, never who the person is. */
export async function ResumeResults({
  locale,
  organizationId,
  items,
}: {
  locale: string;
  organizationId: number;
  items: ResumeCard[];
}) {
  const t = await getTranslations({ locale, namespace: "resumeDatabase" });
  const list = (categories: readonly string[]) => categories.map(licenceLabel).join(", ");
  return (
    <ul className="flex flex-col gap-3" data-testid="resume-results">
      {items.map((card) => {
        const years = Math.floor(card.experienceMonths / 12);
        const months = card.experienceMonths % 12;
        return (
          <li key={card.publicId} className="flex flex-col gap-1 rounded-lg border border-gray-200 bg-white p-4">
            <h3 className="text-lg font-semibold break-words">
              <Link href={`/employer/${organizationId}/resumes/${card.publicId}`} className="text-brand-800 underline">
                {card.title}
              </Link>
            </h3>
            <p className="font-medium">
              {card.desiredSalary !== null ? `${formatAmount(card.desiredSalary)}\u00a0₸` : t("noSalary")}
            </p>
            <p className="text-sm text-gray-800">
              {[
                card.city ? localName(card.city, locale) : null,
                card.experienceMonths > 0 ? t("experienceTotal", { years, months }).trim() : t("noExperience"),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {card.lastPosition ? (
              <p className="text-sm text-gray-800">{t("lastPosition", { position: card.lastPosition })}</p>
            ) : null}
            {card.skills.length ? (
              <p className="text-sm text-gray-700">{t("skills", { skills: card.skills.join(", ") })}</p>
            ) : null}
            {card.licences.length ? (
              <p className="text-sm text-gray-700">{t("licencesLine", { categories: list(card.licences) })}</p>
            ) : null}
            {card.verifiedCategories.length ? (
              <p className="text-sm font-medium text-green-800" data-testid="verified-categories">
                {t("verifiedLine", { categories: list(card.verifiedCategories) })}
              </p>
            ) : null}
            <p className="text-sm text-gray-700">{t("updated", { date: formatDate(card.updatedAt, locale, "medium") })}</p>
          </li>
        );
      })}
    </ul>
  );
}
