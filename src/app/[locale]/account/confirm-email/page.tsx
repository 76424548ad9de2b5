import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { Link, redirect } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { getCurrentUser } from "@/server/auth/current-user";
import { isDomainError } from "@/server/errors";
import { requestMeta } from "@/server/request-meta";
// The link's token is the authority here, not the session: the service checks both.
// eslint-disable-next-line no-restricted-imports
import { confirmEmailChange } from "@/server/services/account/change-email";

// Never cached: depends on the token in the query and on who is signed in.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account.confirmEmail", "title", { index: false });

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The link from the email sent to the new address. It works only for the person who asked,
 * signed in: a guest signs in first and comes back here with the same link.
 */
export default async function ConfirmEmailChangePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const token = first((await props.searchParams).token) ?? "";
  const user = await getCurrentUser();
  if (!user) {
    const back = `/account/confirm-email?token=${encodeURIComponent(token.slice(0, 200))}`;
    return redirect({ href: { pathname: "/auth/sign-in", query: { callbackUrl: back } }, locale });
  }
  const t = await getTranslations({ locale });
  let outcome: { ok: true; email: string; already: boolean } | { ok: false; key: string };
  try {
    const result = await confirmEmailChange({ userId: user.id, ip: requestMeta(await headers()).ip }, token);
    outcome = { ok: true, email: result.email, already: result.alreadyChanged };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    outcome = { ok: false, key: e.messageKey };
  }
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("account.confirmEmail.title")}</h1>
      {outcome.ok ? (
        <Alert tone="success">
          {outcome.already
            ? t("account.confirmEmail.already", { email: outcome.email })
            : t("account.confirmEmail.done", { email: outcome.email })}
        </Alert>
      ) : (
        <Alert tone="error">{t.has(outcome.key) ? t(outcome.key) : t("errors.internal")}</Alert>
      )}
      <Link href="/account/security" className="text-brand-700 underline">
        {t("account.confirmEmail.back")}
      </Link>
    </div>
  );
}
