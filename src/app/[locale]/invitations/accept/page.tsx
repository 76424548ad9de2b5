import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AcceptInvitation } from "@/components/employer/accept-invitation";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { getCurrentUser } from "@/server/auth/current-user";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("invitation", "title", { index: false });

export default async function AcceptInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length >= 20 && raw.length <= 200 ? raw : null;
  const t = await getTranslations({ locale, namespace: "invitation" });
  const tAll = await getTranslations({ locale });
  const user = await getCurrentUser();
  const here = token ? `/invitations/accept?token=${encodeURIComponent(token)}` : "/invitations/accept";

  let body: React.ReactNode;
  if (!token) body = <Alert tone="error">{t("missing")}</Alert>;
  else if (!user) {
    body = (
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
  } else {
    const preview = await api.account.invitation({ token }).then(
      (invitation) => ({ invitation, error: null }),
      (error: unknown) => {
        if (!(error instanceof TRPCError)) throw error;
        return {
          invitation: null,
          error: tAll.has(error.message) ? tAll(error.message as "errors.notFound") : tAll("errors.invalidInput"),
        };
      },
    );
    const invitation = preview.invitation;
    body = !invitation ? (
      <Alert tone="error">{preview.error}</Alert>
    ) : (
      <div className="flex flex-col gap-4">
        <p>{t("text", { organization: invitation.organization.name, role: tAll(`organizationRoles.${invitation.role}`) })}</p>
        {invitation.forThisAccount ? (
          <ClientMessages locale={locale} namespaces={["invitation", "errors"]}>
            <AcceptInvitation token={token} />
          </ClientMessages>
        ) : (
          <Alert tone="error">{t("otherEmail", { email: invitation.email, current: user.email })}</Alert>
        )}
      </div>
    );
  }
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {body}
    </div>
  );
}
