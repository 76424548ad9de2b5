import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { SignUpForm } from "@/components/auth/sign-up-form";
import { titleMetadata } from "@/i18n/page-metadata";
import { signUpCallbackPath } from "@/lib/validation/auth";

// Never cached: depends on the callback in the query.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("auth.signUp", "title", { index: false });

export default async function SignUpPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await props.params;
  // Where the person came from (a graduate's invitation): carried through the verification email.
  const callbackPath = signUpCallbackPath((await props.searchParams).callbackUrl);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.signUp" });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
        <SignUpForm callbackPath={callbackPath} />
      </ClientMessages>
    </div>
  );
}
