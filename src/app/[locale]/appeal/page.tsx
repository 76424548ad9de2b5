import { getTranslations, setRequestLocale } from "next-intl/server";

import { UserAppealForm } from "@/components/block-appeal/user-appeal-form";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate } from "@/lib/format";
import { api } from "@/trpc/server";

// Never cached: the answer depends on the link's token.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("blockAppeal", "title", { index: false });

/**
 * A blocked person's appeal, from the single-use link of their block email: they cannot sign in,
 * so the link (only its hash is stored) is what proves who they are.
 */
export default async function BlockAppealPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && raw.length <= 200 ? raw : null;
  const t = await getTranslations({ locale, namespace: "blockAppeal" });
  const found = token ? await api.public.appeal.get({ token }) : null;
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {found && token ? (
        <>
          <p>{t("intro", { name: found.name, date: formatDate(found.blockedAt, locale, "medium") })}</p>
          <p className="break-words">{t("reason", { reason: found.reason })}</p>
          <p className="text-sm text-gray-700">{t("hint")}</p>
          <ClientMessages locale={locale} namespaces={["blockAppeal", "errors", "validation"]}>
            <UserAppealForm token={token} />
          </ClientMessages>
        </>
      ) : (
        <Alert tone="error">{t("invalid")}</Alert>
      )}
    </div>
  );
}
