import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { PayOrder } from "@/components/employer/billing/pay-order";
import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("billing", "title", { index: false });

/** Paying a card order: the payer picks a provider and is sent there; the provider sends them back here. */
export default async function PayOrderPage(props: {
  params: Promise<{ locale: string; orgId: string; orderId: string }>;
  searchParams: Promise<{ result?: string }>;
}) {
  const { locale, orgId, orderId } = await props.params;
  setRequestLocale(locale);
  const { result } = await props.searchParams;
  const { organization: org, others } = await loadDashboardOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "billing" });
  const order = await api.employer.billing.order({ organizationId: org.id, orderId: Number(orderId) }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canPay = org.myRole === "OWNER" || org.myRole === "MANAGER";
  const payable = canPay && order.status === "PENDING" && order.paymentMethod === "CARD";
  const providers = payable ? await api.employer.billing.paymentProviders({ organizationId: org.id }) : [];

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <h2 className="text-xl font-semibold">{t("pay.title", { number: order.number ?? "—" })}</h2>
      <p className="text-lg" data-testid="order-status">
        {order.amountTiyn === null ? null : t("pay.amount", { amount: formatTiyn(order.amountTiyn) })} ·{" "}
        {t(`orderStatus.${order.status as "PENDING"}`)}
      </p>
      {result === "success" ? <Alert tone="success">{t("pay.returned")}</Alert> : null}
      {result === "fail" && order.status === "PENDING" ? <Alert tone="error">{t("pay.failed")}</Alert> : null}
      {!payable ? (
        order.status === "PENDING" ? (
          <p className="text-gray-700">{t("pay.notPayable")}</p>
        ) : null
      ) : providers.length === 0 ? (
        <Alert tone="info">{t("pay.noProviders")}</Alert>
      ) : (
        <ClientMessages locale={locale} namespaces={["billing", "errors", "validation"]}>
          <PayOrder
            organizationId={org.id}
            orderId={order.id}
            locale={locale === "kk" ? "kk" : "ru"}
            providers={providers.map((id) => ({ id, label: t(`pay.provider.${id}`) }))}
          />
        </ClientMessages>
      )}
      <Link href={`/employer/${org.id}/billing`} className="self-start text-brand-700 underline">
        {t("pay.back")}
      </Link>
    </EmployerShell>
  );
}
