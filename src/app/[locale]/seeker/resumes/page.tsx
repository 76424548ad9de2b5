import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatAmount, formatDate } from "@/lib/format";
import { MAX_RESUMES } from "@/lib/validation/resume";
import { requireUser } from "@/server/auth/require-user";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumes", "title", { index: false });

export default async function MyResumesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ deleted?: string }>;
}) {
  const { locale } = await params;
  const { deleted } = await searchParams;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "resumes" });
  if (!user.isSeeker) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-gray-700">{t("seekersOnly")}</p>
      </div>
    );
  }
  const resumes = await api.seeker.resumes.list();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {resumes.length < MAX_RESUMES ? (
          <Link
            href="/seeker/resumes/new"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("create")}
          </Link>
        ) : (
          <p className="text-sm text-gray-700">{t("limitReached", { max: MAX_RESUMES })}</p>
        )}
      </div>
      <Link href="/seeker/resumes/views" className="self-start text-brand-800 underline">
        {t("views")}
      </Link>
      {deleted ? <Alert tone="success">{t("deleted")}</Alert> : null}
      {resumes.length === 0 ? <p className="text-gray-700">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {resumes.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4">
            <Link href={`/seeker/resumes/${r.id}`} className="text-lg font-medium break-words text-brand-800 underline">
              {r.title}
            </Link>
            <p className="text-sm text-gray-700">
              {[
                r.city ? localName(r.city, locale) : null,
                r.desiredSalary ? t("document.salary", { amount: formatAmount(r.desiredSalary) }) : null,
                t(`visibility.${r.visibility}`),
                r.moderation === "HIDDEN" ? t("moderation.hiddenBadge") : null,
                r.moderation === "REVIEW" ? t("moderation.reviewBadge") : null,
                t("applicationsCount", { count: r._count.applications }),
                t("updatedOn", { date: formatDate(r.updatedAt, locale, "medium") }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
