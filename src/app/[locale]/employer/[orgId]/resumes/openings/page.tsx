import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatAmount, formatDate } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumeDatabase", "log.title", { index: false });

/** The owner's log of the resume database: who opened which resume's contacts, when, a page at a time. */
export default async function ResumeOpeningsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, kind } = await loadHiringOrganization(locale, orgId);
  if (kind !== "employer") notFound();
  const t = await getTranslations({ locale, namespace: "resumeDatabase.log" });
  const rawPage = (await searchParams).page;
  const page = rawPage && /^\d{1,4}$/.test(rawPage) && Number(rawPage) >= 1 ? Number(rawPage) : 1;
  const log = org.myRole === "OWNER" ? await api.employer.resumes.openings({ organizationId: org.id, page }) : null;
  const pages = log ? Math.max(1, Math.ceil(log.total / log.pageSize)) : 1;
  const base = `/employer/${org.id}/resumes/openings`;

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <p className="text-gray-700">{t("intro")}</p>
      {!log ? (
        <p className="text-gray-700">{t("ownerOnly")}</p>
      ) : log.rows.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        <>
          <p className="text-sm text-gray-700">{t("total", { count: formatAmount(log.total) })}</p>
          <ul className="flex flex-col gap-2" data-testid="openings-log">
            {log.rows.map((row) => (
              <li key={row.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-3">
                <Link
                  href={`/employer/${org.id}/resumes/${row.resume.publicId}`}
                  className="font-medium break-words text-brand-800 underline"
                >
                  {row.resume.title}
                </Link>
                <p className="text-sm text-gray-700">
                  {[
                    formatDate(row.openedAt, locale, "medium", { time: true }),
                    row.user ? row.user.name : t("formerMember"),
                    t(`kind.${row.kind}`),
                  ].join(" · ")}
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-4">
              {page > 1 ? (
                <Link href={`${base}?page=${page - 1}`} className="text-brand-800 underline">
                  {t("previous")}
                </Link>
              ) : null}
              <span className="text-sm text-gray-700">{t("pageOf", { page, pages })}</span>
              {page < pages ? (
                <Link href={`${base}?page=${page + 1}`} className="text-brand-800 underline">
                  {t("next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </EmployerShell>
  );
}
