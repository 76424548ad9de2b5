import { getTranslations, setRequestLocale } from "next-intl/server";

import { SubscriptionsManager } from "@/components/seeker/subscriptions-manager";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

// Never cached: the signed-in seeker's own data.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("subscriptions", "title", { index: false });

export default async function MySubscriptionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "subscriptions" });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-gray-700">{t("intro")}</p>
      </div>
      {user.isSeeker ? (
        <ClientMessages locale={locale} namespaces={["subscriptions", "errors", "validation"]}>
          <SubscriptionsManager data={await api.seeker.subscriptions.list()} />
        </ClientMessages>
      ) : (
        <Alert tone="info">{t("seekerOnlyPage")}</Alert>
      )}
    </div>
  );
}
