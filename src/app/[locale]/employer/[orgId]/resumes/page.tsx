import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { ResumeResults } from "@/components/resume-database/resume-results";
import { SaveResumeSearch } from "@/components/resume-database/save-resume-search";
import { ResumeSearchForm } from "@/components/resume-database/resume-search-form";
import { Pagination } from "@/components/search/pagination";
import { SearchCorrections, SearchNotices } from "@/components/search/search-notices";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatAmount } from "@/lib/format";
import { parseResumeSearchParams, resumeSearchToQuery, RESUME_SORTS, type ResumeSearchParams } from "@/lib/resume-search/params";
import { getCatalog } from "@/server/services/catalog/catalog";
import { organizationSeesResumeDatabase } from "@/lib/resume-database-rule";
import { SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumeDatabase", "title", { index: false });

/** How many filters are set, as the phone's "Filters (n)" counts them. */
function activeFilters(p: ResumeSearchParams): number {
  return [
    p.region ?? p.city,
    p.relocate,
    p.specializations.length,
    p.salaryFrom ?? p.salaryTo,
    p.withSalary,
    p.experienceYears,
    p.licences.length,
    p.verified,
    p.languages.length,
    p.employment.length,
    p.schedule.length,
    p.period,
  ].filter(Boolean).length;
}

/** The resume database: search over the resumes this organisation may find (server-rendered, GET form). */
export default async function ResumeDatabasePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, kind } = await loadHiringOrganization(locale, orgId);
  // Sold to employers only: a driving school's dashboard has no resume database.
  if (kind !== "employer") notFound();
  const t = await getTranslations({ locale, namespace: "resumeDatabase" });
  const tSaved = await getTranslations({ locale, namespace: "savedResumeSearches" });
  const base = `/employer/${org.id}/resumes`;

  if (!organizationSeesResumeDatabase(org)) {
    return (
      <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="resumes">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <Alert tone="info">
          <p data-testid="resume-database-closed">{org.blockedAt ? t("blocked") : t("unverified")}</p>
        </Alert>
      </EmployerShell>
    );
  }

  const { params: requested, notices: parseNotices } = parseResumeSearchParams(await searchParams);
  const [catalog, result] = await Promise.all([
    getCatalog(),
    api.employer.resumeDatabase.search({ organizationId: org.id, search: requested }),
  ]);
  const p = result.params;
  const notices = [...new Set([...parseNotices, ...result.notices])];
  const href = (change: Partial<ResumeSearchParams>) => {
    const query = resumeSearchToQuery({ ...p, ...change });
    return query ? `${base}?${query}` : base;
  };
  const sort = p.sort ?? (p.q ? "relevance" : "date");

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="resumes">
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-sm text-gray-700">{t("intro")}</p>
        <p className="text-sm">
          <Link href={`${base}/saved`} className="text-brand-700 underline">
            {tSaved("title")}
          </Link>
        </p>
      </div>
      <ResumeSearchForm locale={locale} params={p} catalog={catalog} activeFilters={activeFilters(p)} />
      <section aria-labelledby="resume-results-title" className="flex min-w-0 flex-col gap-4">
        <h2 id="resume-results-title" className="sr-only">
          {t("results")}
        </h2>
        <SearchNotices notices={notices} />
        <SearchCorrections corrections={result.corrections} />
        {result.total === 0 ? (
          <div className="rounded-lg border border-gray-200 bg-white p-6" data-testid="resume-results-empty">
            <p className="text-lg font-semibold">{t("emptyTitle")}</p>
            <p className="mt-1 text-gray-700">{t("emptyText")}</p>
          </div>
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="font-medium" role="status">
                {result.totalIsLowerBound
                  ? t("foundMoreThan", { count: formatAmount(result.total) })
                  : t("found", { formatted: formatAmount(result.total) })}
              </p>
              {p.q ? (
                <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-gray-700">{t("sortLabel")}:</span>
                  {RESUME_SORTS.map((s) =>
                    s === sort ? (
                      <span key={s} aria-current="true" className="font-semibold">
                        {t(`sort.${s}`)}
                      </span>
                    ) : (
                      <Link key={s} href={href({ sort: s, page: 1 })} className="underline">
                        {t(`sort.${s}`)}
                      </Link>
                    ),
                  )}
                </nav>
              ) : null}
            </div>
            <ResumeResults locale={locale} organizationId={org.id} items={result.items} />
            <Pagination page={result.page} pageCount={result.pageCount} href={(page) => href({ page })} />
          </>
        )}
        <ClientMessages locale={locale} namespaces={["savedResumeSearches", "subscriptions", "errors", "validation"]}>
          <SaveResumeSearch
            organizationId={org.id}
            query={resumeSearchToQuery({ ...p, page: 1, sort: null })}
            defaultName={(p.q || tSaved("defaultName")).slice(0, SUBSCRIPTION_NAME_MAX)}
          />
        </ClientMessages>
      </section>
    </EmployerShell>
  );
}
