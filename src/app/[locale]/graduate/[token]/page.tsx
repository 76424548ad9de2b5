import { getTranslations, setRequestLocale } from "next-intl/server";

import { GraduateConsent } from "@/components/seeker/graduate-consent";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate, licenceLabel } from "@/lib/format";
import { getCurrentUser } from "@/server/auth/current-user";
import { graduateInvitationPath } from "@/server/services/schools/graduate-invitations";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("graduate", "title", { index: false });

/**
 * A driving school's graduate opens the link from the invitation email: what the school confirms,
 * then (signed in as a seeker) an explicit yes or no. A dead link says why, in words.
 */
export default async function GraduateInvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token: raw } = await params;
  setRequestLocale(locale);
  const token = decodeURIComponent(raw);
  const t = await getTranslations({ locale, namespace: "graduate" });
  const tDoc = await getTranslations({ locale, namespace: "resumes.document" });
  const preview =
    token.length >= 20 && token.length <= 200 ? await api.public.graduateInvitation({ token }) : { state: "invalid" as const };

  if (preview.state !== "open") {
    return (
      <div className="flex max-w-2xl flex-col gap-6">
        <h1 className="text-2xl font-bold">{t("invalidTitle")}</h1>
        <Alert tone="error">{t(preview.state)}</Alert>
      </div>
    );
  }

  const category = licenceLabel(preview.category);
  const user = await getCurrentUser();
  const here = graduateInvitationPath(token);
  let action: React.ReactNode;
  if (!user) {
    action = (
      <div className="flex flex-col gap-3">
        <p>{t("signIn")}</p>
        <div className="flex flex-wrap gap-3">
          <Link
            href={{ pathname: "/auth/sign-in", query: { callbackUrl: here } }}
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white"
          >
            {t("signInButton")}
          </Link>
          <Link
            href={{ pathname: "/auth/sign-up", query: { callbackUrl: here } }}
            className="rounded-md border border-gray-400 px-4 py-2 font-medium"
          >
            {t("signUpButton")}
          </Link>
        </div>
      </div>
    );
  } else if (!user.isSeeker) {
    action = <Alert tone="error">{t("notSeeker")}</Alert>;
  } else {
    action = (
      <ClientMessages locale={locale} namespaces={["graduate", "errors"]}>
        <GraduateConsent token={token} category={category} />
      </ClientMessages>
    );
  }

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <div className="flex flex-col gap-2">
        <p>{t("summary", { school: preview.school, category, year: preview.year })}</p>
        <p>{t("badgePreview", { badge: tDoc("verifiedBadge", { category, school: preview.school, year: preview.year }) })}</p>
        <p className="text-sm text-gray-700">{t("privacy")}</p>
        <p className="text-sm text-gray-700">{t("expires", { date: formatDate(preview.expiresAt, locale, "long") })}</p>
      </div>
      {action}
    </div>
  );
}
