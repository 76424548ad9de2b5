import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { getEnv } from "@/env";
import { formatTiyn } from "@/lib/format";
import { devCheckoutOrder, playProviderPayment } from "@/server/services/billing/dev-checkout";
import { isProviderId } from "@/server/services/billing/providers/payment-provider";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * Development and tests only: the payment provider's hosted page, played. "Pay" and "Decline"
 * make the provider's calls to our webhook (signed with the configured secret) and come back to
 * the order's payment page, as the provider's redirect would.
 */
export default async function DevCheckoutPage(props: {
  params: Promise<{ locale: string; orderId: string }>;
  searchParams: Promise<{ provider?: string }>;
}) {
  if (!getEnv().DEV_CHECKOUT_PAGE) notFound();
  const { locale, orderId: rawId } = await props.params;
  setRequestLocale(locale);
  const { provider } = await props.searchParams;
  const orderId = Number(rawId);
  const order = Number.isSafeInteger(orderId) ? await devCheckoutOrder(orderId) : null;
  if (!order?.number || order.amountTiyn === null || typeof provider !== "string" || !isProviderId(provider)) notFound();
  const t = await getTranslations({ locale, namespace: "devCheckout" });

  async function complete(outcome: "paid" | "failed") {
    "use server";
    const { accepted } = await playProviderPayment(orderId, provider as "stripe", outcome);
    redirect(`/${locale}/employer/${order!.organizationId}/billing/pay/${orderId}?result=${accepted ? "success" : "fail"}`);
  }

  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title", { provider })}</h1>
      <Alert tone="info">{t("notice")}</Alert>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-gray-700">{t("order")}</dt>
        <dd className="font-medium">{order.number}</dd>
        <dt className="text-gray-700">{t("amount")}</dt>
        <dd className="font-medium" data-testid="dev-checkout-amount">
          {formatTiyn(order.amountTiyn)}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <form action={complete.bind(null, "paid")}>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("pay")}
          </button>
        </form>
        <form action={complete.bind(null, "failed")}>
          <button type="submit" className="rounded-md border border-gray-400 bg-white px-4 py-2 font-medium hover:bg-gray-50">
            {t("decline")}
          </button>
        </form>
      </div>
    </div>
  );
}
