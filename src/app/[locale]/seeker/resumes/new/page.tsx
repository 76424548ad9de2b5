import { setRequestLocale } from "next-intl/server";

import { EMPTY_RESUME_FORM } from "@/components/resume/form-values";
import { ResumeEditorPage } from "@/components/resume/editor-page";
import { redirect } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumes", "newTitle", { index: false });

export default async function NewResumePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  if (!user.isSeeker) return redirect({ href: "/seeker/resumes", locale });
  return <ResumeEditorPage locale={locale} resumeId={null} values={EMPTY_RESUME_FORM} />;
}
