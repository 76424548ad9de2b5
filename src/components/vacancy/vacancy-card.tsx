import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { localName } from "@/lib/local-name";
import { Link } from "@/i18n/navigation";
import { formatDate, licenceLabel } from "@/lib/format";
import { organizationPath, vacancyPath } from "@/lib/urls";
import type { VacancyCard as Card } from "@/server/services/search/vacancy-cards";

import { CompanyLogo } from "./company-logo";
import { Salary } from "./salary";

/** One vacancy in a list: search results, landing and company pages, saved vacancies. */
export function VacancyCard({
  vacancy,
  headingLevel = 2,
  showLogo = false,
  actions,
}: {
  vacancy: Card;
  headingLevel?: 2 | 3;
  showLogo?: boolean;
  actions?: ReactNode;
}) {
  const t = useTranslations("vacancy");
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const city = localName(vacancy.city, locale);
  return (
    <article className="flex gap-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-5" lang={vacancy.language}>
      {showLogo && vacancy.company ? <CompanyLogo name={vacancy.company.name} logoPath={vacancy.company.logoPath} /> : null}
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <Heading className="text-lg font-semibold leading-snug">
          <Link href={vacancyPath(vacancy.id, vacancy.slug)} className="text-brand-800 underline-offset-2 hover:underline">
            {vacancy.title}
          </Link>
        </Heading>
        <Salary from={vacancy.salaryFrom} to={vacancy.salaryTo} gross={vacancy.salaryGross} className="font-semibold" />
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-gray-800" lang={locale}>
          {vacancy.company ? (
            <Link href={organizationPath(vacancy.company)} className="underline-offset-2 hover:underline">
              {vacancy.company.name}
            </Link>
          ) : (
            <span>{t("anonymousCompany")}</span>
          )}
          <span>{city}</span>
          {vacancy.isRemote ? <span>{t("remote")}</span> : null}
        </p>
        <p className="text-sm text-gray-700">{vacancy.excerpt}</p>
        <div className="flex flex-wrap items-center gap-2 text-xs text-gray-700" lang={locale}>
          <span>{t(`experience.${vacancy.experience}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`employment.${vacancy.employmentType}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`schedule.${vacancy.schedule}`)}</span>
          {vacancy.licenceCategories.length ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{t("licences", { list: vacancy.licenceCategories.map(licenceLabel).join(", ") })}</span>
            </>
          ) : null}
          <span aria-hidden="true">·</span>
          <time dateTime={vacancy.publishedAt.toISOString()}>{formatDate(vacancy.publishedAt, locale, "dayMonth")}</time>
        </div>
        {actions ? <div className="flex flex-wrap gap-2 pt-1">{actions}</div> : null}
      </div>
    </article>
  );
}
