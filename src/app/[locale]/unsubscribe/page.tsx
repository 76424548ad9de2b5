import { renderUnsubscribePage } from "@/components/unsubscribe-page";
import { titleMetadata } from "@/i18n/page-metadata";
import { SUBSCRIPTIONS_PATH, UNSUBSCRIBE_API_PATH } from "@/server/services/digest/digest-links";
import { readUnsubscribeToken } from "@/server/services/digest/unsubscribe";

// Where the unsubscribe link of a digest leads (src/components/unsubscribe-page.tsx).

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("unsubscribe", "title", { index: false });

export default async function DigestUnsubscribePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return renderUnsubscribePage({
    ...props,
    namespace: "unsubscribe",
    apiPath: UNSUBSCRIBE_API_PATH,
    read: async (token) => ({ on: (await readUnsubscribeToken(token)).digestsOn }),
    manageHref: SUBSCRIPTIONS_PATH,
  });
}
