import { getTranslations, setRequestLocale } from "next-intl/server";

import { HideFromOrganizationButton } from "@/components/resume-database/hide-from-organization-button";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumeDatabase", "views.title", { index: false });

/** "Who viewed my resume": the organisations that opened the seeker's contacts, and hiding from them. */
export default async function ResumeViewsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "resumeDatabase.views" });
  if (!user.isSeeker) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-gray-700">{t("seekersOnly")}</p>
      </div>
    );
  }
  const openings = await api.seeker.resumes.openedBy();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/seeker/resumes" className="self-start text-sm text-brand-800 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("intro")}</p>
      {openings.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        <ClientMessages locale={locale} namespaces={["resumeDatabase", "errors", "validation"]}>
          <ul className="flex flex-col gap-3" data-testid="resume-views">
            {openings.map((row) => (
              <li key={row.id} className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4">
                <p className="font-medium break-words">{row.organization.displayName}</p>
                <p className="text-sm text-gray-700">
                  {t("opened", {
                    resume: row.resume.title,
                    date: formatDate(row.openedAt, locale, "medium", { time: true }),
                  })}
                </p>
                {row.hidden ? (
                  <p className="text-sm text-gray-700">{t("hidden")}</p>
                ) : (
                  <HideFromOrganizationButton
                    organizationId={row.organization.id}
                    organizationName={row.organization.displayName}
                  />
                )}
              </li>
            ))}
          </ul>
        </ClientMessages>
      )}
    </div>
  );
}
