import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { isDomainError } from "@/server/errors";
import { verifyEmail } from "@/server/services/auth/verify-email";
import { titleMetadata } from "@/i18n/page-metadata";
import { signUpCallbackPath } from "@/lib/validation/auth";

// Never cached: depends on the token in the query.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("auth.verify", "title", { index: false });

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function VerifyEmailPage(props: { params: Promise<{ locale: string }>; searchParams: Promise<Search> }) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale });
  const token = first(search.token);
  const email = first(search.email)?.slice(0, 254);
  // The page the person signed up from, which the sign-in after verification returns to.
  const callbackPath = signUpCallbackPath(search.callbackUrl);

  if (token) {
    let errorKey: string | null = null;
    try {
      if (token.length < 20 || token.length > 200) errorKey = "errors.auth.linkInvalid";
      else await verifyEmail(token);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      errorKey = e.messageKey;
    }
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-6 text-2xl font-bold">{t("auth.verify.title")}</h1>
        {errorKey ? (
          <div className="flex flex-col gap-4">
            <Alert tone="error">{t(errorKey)}</Alert>
            <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
              <ResendVerificationForm callbackPath={callbackPath} />
            </ClientMessages>
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            <Alert tone="success">{t("auth.verify.done")}</Alert>
            <Link
              href={{ pathname: "/auth/sign-in", query: callbackPath ? { callbackUrl: callbackPath } : {} }}
              className="text-brand-700 underline"
            >
              {t("auth.verify.signIn")}
            </Link>
          </div>
        )}
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("auth.verify.checkInboxTitle")}</h1>
      {first(search.sent) === "0" ? (
        <Alert tone="error">{t("errors.email.notDelivered")}</Alert>
      ) : (
        <p className="mb-6 text-gray-800">
          {email ? t("auth.verify.checkInbox", { email }) : t("auth.verify.checkInboxGeneric")}
        </p>
      )}
      <div className="mt-6">
        <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
          <ResendVerificationForm email={email} callbackPath={callbackPath} />
        </ClientMessages>
      </div>
    </div>
  );
}
