import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { ApplyForm } from "@/components/vacancy/apply-form";
import { ClientMessages } from "@/i18n/client-messages";
import { Link, redirect } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { parseIdSlug, vacancyPath } from "@/lib/urls";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

// Never cached: depends on who is signed in and on the vacancy's current state.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("apply", "title", { index: false });

export default async function ApplyPage({ params }: { params: Promise<{ locale: string; idSlug: string }> }) {
  const { locale, idSlug } = await params;
  setRequestLocale(locale);
  const parsed = parseIdSlug(idSlug);
  if (!parsed) notFound();
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "apply" });
  const frame = (body: React.ReactNode, title?: string) => (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {title ? <p className="text-gray-800">{title}</p> : null}
      {body}
    </div>
  );
  if (!user.isSeeker) return frame(<Alert tone="info">{t("seekersOnly")}</Alert>);
  const context = await api.seeker.applications.context({ vacancyId: parsed.id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const vacancyHref = vacancyPath(context.vacancy.id, context.vacancy.slug);
  if (parsed.slug !== context.vacancy.slug) redirect({ href: `${vacancyHref}/apply`, locale });
  const heading = t("to", { title: context.vacancy.title, company: context.vacancy.company ?? "none" });
  if (context.existing) {
    return frame(
      <Alert tone="info">
        {t("already")}{" "}
        <Link href="/seeker/applications" className="underline">
          {t("myApplications")}
        </Link>
      </Alert>,
      heading,
    );
  }
  if (!context.seeker.emailVerified) return frame(<Alert tone="error">{t("verifyEmail")}</Alert>, heading);
  return frame(
    <ClientMessages locale={locale} namespaces={["apply", "errors", "validation"]}>
      <ApplyForm vacancyId={context.vacancy.id} seeker={context.seeker} resumes={context.resumes} />
    </ClientMessages>,
    heading,
  );
}
