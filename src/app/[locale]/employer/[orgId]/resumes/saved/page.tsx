import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { SavedSearchesManager } from "@/components/resume-database/saved-searches-manager";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { organizationSeesResumeDatabase } from "@/lib/resume-database-rule";
import { api } from "@/trpc/server";

// Never cached: the signed-in member's own searches.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("savedResumeSearches", "title", { index: false });

/** The member's saved searches of the resume database in this organisation. */
export default async function SavedResumeSearchesPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, kind } = await loadHiringOrganization(locale, orgId);
  // The resume database is sold to employers: a driving school's dashboard has none.
  if (kind !== "employer") notFound();
  const t = await getTranslations({ locale, namespace: "savedResumeSearches" });
  const tdb = await getTranslations({ locale, namespace: "resumeDatabase" });
  const items = await api.employer.savedResumeSearches.list({ organizationId: org.id });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="resumes">
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-sm text-gray-700">{t("intro")}</p>
        <p className="text-sm">
          <Link href={`/employer/${org.id}/resumes`} className="text-brand-700 underline">
            {tdb("title")}
          </Link>
        </p>
      </div>
      {!organizationSeesResumeDatabase(org) ? (
        <Alert tone="info">{org.blockedAt ? tdb("blocked") : tdb("unverified")}</Alert>
      ) : null}
      <ClientMessages locale={locale} namespaces={["savedResumeSearches", "subscriptions", "errors", "validation"]}>
        <SavedSearchesManager organizationId={org.id} items={items} />
      </ClientMessages>
    </EmployerShell>
  );
}
