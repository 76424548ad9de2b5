import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { SignInForm } from "@/components/auth/sign-in-form";
import { Link } from "@/i18n/navigation";
import { safeCallbackPath } from "@/lib/safe-callback";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: depends on the callback in the query.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("auth.signIn", "title", { index: false });

export default async function SignInPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  const callback = safeCallbackPath(search.callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
        <SignInForm callbackPath={callback} />
      </ClientMessages>
      <div className="mt-6 flex flex-col gap-2 text-sm">
        <Link href={{ pathname: "/auth/code", query: { callbackUrl: callback } }} className="text-brand-700 underline">
          {t("withCode")}
        </Link>
        <p>
          {t("noAccount")}{" "}
          <Link
            href={{ pathname: "/auth/sign-up", query: search.callbackUrl ? { callbackUrl: callback } : {} }}
            className="text-brand-700 underline"
          >
            {t("signUpLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
