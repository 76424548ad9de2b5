import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { CodeSignInForm } from "@/components/auth/code-sign-in-form";
import { Link } from "@/i18n/navigation";
import { safeCallbackPath } from "@/lib/safe-callback";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: depends on the callback in the query.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("auth.code", "title", { index: false });

export default async function CodeSignInPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale, namespace: "auth.code" });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-sm text-gray-700">{t("intro")}</p>
      <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
        <CodeSignInForm callbackPath={safeCallbackPath(search.callbackUrl)} />
      </ClientMessages>
      <p className="mt-6 text-sm">
        <Link href="/auth/sign-in" className="text-brand-700 underline">
          {t("withPassword")}
        </Link>
      </p>
    </div>
  );
}
