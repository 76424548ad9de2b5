import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { ResumeEditorPage } from "@/components/resume/editor-page";
import { resumeFormValues } from "@/components/resume/form-values";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumes", "editTitle", { index: false });

export default async function EditResumePage({ params }: { params: Promise<{ locale: string; resumeId: string }> }) {
  const { locale, resumeId } = await params;
  setRequestLocale(locale);
  const id = Number(resumeId);
  const user = await requireUser(locale);
  if (!Number.isSafeInteger(id) || id <= 0 || !user.isSeeker) notFound();
  const resume = await api.seeker.resumes.get({ resumeId: id }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return <ResumeEditorPage locale={locale} resumeId={id} values={resumeFormValues(resume)} />;
}
