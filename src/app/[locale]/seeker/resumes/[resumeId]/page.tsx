import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ResumeActions } from "@/components/resume/resume-actions";
import { ResumeDocument } from "@/components/resume/resume-document";
import { ResumeModerationNotice } from "@/components/resume/resume-moderation-notice";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumes", "viewTitle", { index: false });

export default async function ResumePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; resumeId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, resumeId } = await params;
  const { saved } = await searchParams;
  setRequestLocale(locale);
  const id = Number(resumeId);
  const user = await requireUser(locale);
  if (!Number.isSafeInteger(id) || id <= 0 || !user.isSeeker) notFound();
  const { resume, person: contacts } = await api.seeker.resumes.withContacts({ resumeId: id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "resumes" });
  const { hiddenFrom, _count, moderation, moderationFlags: _flags, hiddenReason, hiddenAt: _hiddenAt, ...document } = resume;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/seeker/resumes" className="print-hidden text-sm text-brand-800 underline">
        {t("backToList")}
      </Link>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      {moderation === "HIDDEN" || moderation === "REVIEW" ? (
        <ClientMessages locale={locale} namespaces={["resumes", "errors"]}>
          <ResumeModerationNotice resumeId={resume.id} moderation={moderation} reason={hiddenReason} />
        </ClientMessages>
      ) : null}
      <div className="print-hidden flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-3 text-sm">
        <p>
          <span className="font-medium">{t("visibilityLabel")}</span> {t(`visibility.${resume.visibility}`)}
          {hiddenFrom.length ? ` (${hiddenFrom.map((h) => h.organization.displayName).join(", ")})` : ""}
        </p>
        <p className="text-gray-700">{t("applicationsCount", { count: _count.applications })}</p>
      </div>
      <ClientMessages locale={locale} namespaces={["resumes"]}>
        <ResumeActions resumeId={resume.id} title={resume.title} />
      </ClientMessages>
      <ResumeDocument resume={document} person={contacts} locale={locale} />
    </div>
  );
}
