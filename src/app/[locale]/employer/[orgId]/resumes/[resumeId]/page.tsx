import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { ResumeComplaintForm } from "@/components/resume/resume-complaint-form";
import { ResumeDocument } from "@/components/resume/resume-document";
import { ResumeInviteForm } from "@/components/resume/resume-invite-form";
import { OpenContactsPanel } from "@/components/resume-database/open-contacts-panel";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { isReadOnlyRole } from "@/lib/org-roles";
import { INVITATIONS_PER_VACANCY } from "@/lib/validation/applications";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumes", "employerView.title", { index: false });

/** A resume as the organisation may see it (the seeker's visibility setting decides). */
export default async function EmployerResumePage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; resumeId: string }>;
}) {
  const { locale, orgId, resumeId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, kind } = await loadHiringOrganization(locale, orgId);
  if (!/^[0-9a-f-]{36}$/.test(resumeId)) notFound();
  const seen = await api.employer.resumes.get({ organizationId: org.id, resumeId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  // Owners and managers invite the seeker to an open vacancy once the contacts are theirs
  // (applied, or opened from the database: mayInviteFromResume); observers only read.
  const vacancies =
    isReadOnlyRole(org.myRole) || seen.contacts === null
      ? null
      : await api.employer.resumes.invitableVacancies({ organizationId: org.id, resumeId });
  const t = await getTranslations({ locale, namespace: "resumes.employerView" });
  const tOpen = await getTranslations({ locale, namespace: "resumeDatabase.open" });
  // The resume database is sold to employers; a driving school sees applicants' resumes only.
  const database = kind === "employer";
  const status =
    database && seen.contacts === null ? await api.employer.resumes.openingStatus({ organizationId: org.id, resumeId }) : null;
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="applications">
      <div className="print-hidden flex flex-wrap items-center justify-between gap-3">
        <Link href={`/employer/${org.id}/applications`} className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
        <a
          href={`/api/resumes/${resumeId}/pdf?organizationId=${org.id}&locale=${locale}`}
          download
          className="rounded-md border border-gray-400 bg-white px-4 py-2 font-medium hover:bg-gray-50"
        >
          {t("pdf")}
        </a>
      </div>
      {seen.contacts === "OPENED" ? <Alert tone="info">{tOpen("opened")}</Alert> : null}
      {seen.contacts === null && !database ? <Alert tone="info">{t("noContacts")}</Alert> : null}
      {database && org.myRole === "OWNER" ? (
        <Link href={`/employer/${org.id}/resumes/openings`} className="print-hidden self-start text-sm text-brand-800 underline">
          {tOpen("log")}
        </Link>
      ) : null}
      {status ? (
        <ClientMessages locale={locale} namespaces={["resumeDatabase", "errors", "validation"]}>
          <OpenContactsPanel organizationId={org.id} resumeId={resumeId} status={status} />
        </ClientMessages>
      ) : null}
      <ResumeDocument resume={seen.resume} person={seen.seeker} locale={locale} />
      <ClientMessages locale={locale} namespaces={["resumes", "complaint", "errors", "validation"]}>
        {vacancies ? (
          <ResumeInviteForm organizationId={org.id} resumeId={resumeId} vacancies={vacancies} max={INVITATIONS_PER_VACANCY} />
        ) : null}
        <ResumeComplaintForm organizationId={org.id} resumeId={resumeId} />
      </ClientMessages>
    </EmployerShell>
  );
}
