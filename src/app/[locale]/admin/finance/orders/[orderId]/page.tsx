import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { MarkPaidForm } from "@/components/admin/finance/finance-forms";
import { FinancePage, TableBox, requireFinanceStaff, td, th } from "@/components/admin/finance/finance-page";
import { Link } from "@/i18n/navigation";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Pretty JSON of a provider's raw body when it is JSON, the text as it came otherwise. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const tenge = (tiyn: bigint) => `${tiyn / 100n}${tiyn % 100n ? `.${String(tiyn % 100n).padStart(2, "0")}` : ""}`;

export default async function FinanceOrderPage({ params }: { params: Promise<{ locale: string; orderId: string }> }) {
  const { locale, orderId } = await params;
  setRequestLocale(locale);
  const role = await requireFinanceStaff(locale);
  if (!/^\d{1,9}$/.test(orderId)) notFound();
  const order = await api.admin.finance.order({ orderId: Number(orderId) }).catch(() => null);
  if (!order) notFound();
  const t = await getTranslations({ locale, namespace: "finance" });
  const notifications = order.payments.flatMap((p) => p.notifications);
  return (
    <FinancePage locale={locale} role={role} title={t("order.title", { number: order.number ?? `#${order.id}` })}>
      <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-gray-700">{t("orders.organization")}</dt>
        <dd>
          <Link href={`/admin/finance/organizations/${order.organization.id}`} className="underline">
            {order.organization.displayName}
          </Link>{" "}
          ({order.organization.legalName})
        </dd>
        <dt className="text-gray-700">{t("orders.status")}</dt>
        <dd>{t(`orderStatus.${order.status as "PENDING"}`)}</dd>
        <dt className="text-gray-700">{t("orders.method")}</dt>
        <dd>{order.paymentMethod ? t(`method.${order.paymentMethod}`) : "—"}</dd>
        <dt className="text-gray-700">{t("amount")}</dt>
        <dd>{order.amountTiyn !== null ? formatTiyn(order.amountTiyn) : "—"}</dd>
        <dt className="text-gray-700">{t("vatIncluded")}</dt>
        <dd>{order.vatTiyn !== null ? formatTiyn(order.vatTiyn) : "—"}</dd>
        <dt className="text-gray-700">{t("order.invoice")}</dt>
        <dd>
          {order.invoice ? (
            <a
              href={`/api/billing/invoices/${order.invoice.id}/pdf?lang=${locale}`}
              className="text-brand-700 underline"
              data-testid="invoice-link"
            >
              {order.invoice.number} (PDF)
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt className="text-gray-700">{t("order.act")}</dt>
        <dd>
          {order.act ? (
            <a
              href={`/api/billing/acts/${order.act.id}/pdf?lang=${locale}`}
              className="text-brand-700 underline"
              data-testid="act-link"
            >
              {order.act.number} (PDF)
            </a>
          ) : (
            "—"
          )}
        </dd>
        <dt className="text-gray-700">{t("orders.checkedOut")}</dt>
        <dd>{order.checkedOutAt ? formatDate(order.checkedOutAt, locale, "short") : "—"}</dd>
        <dt className="text-gray-700">{t("order.activated")}</dt>
        <dd>{order.activatedAt ? formatDate(order.activatedAt, locale, "short") : "—"}</dd>
      </dl>

      <h2 className="text-lg font-semibold">{t("order.lines")}</h2>
      <TableBox>
        <table className="w-full text-sm">
          <thead className="bg-gray-50">
            <tr>
              <th scope="col" className={th}>
                {t("product")}
              </th>
              <th scope="col" className={th}>
                {t("quantity")}
              </th>
              <th scope="col" className={th}>
                {t("amount")}
              </th>
              <th scope="col" className={th}>
                {t("vat")}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.id} className="border-t border-gray-200">
                <td className={td}>{locale === "kk" ? l.product.nameKk : l.product.nameRu}</td>
                <td className={td}>{l.quantity}</td>
                <td className={`${td} whitespace-nowrap`}>{l.amountTiyn !== null ? formatTiyn(l.amountTiyn) : "—"}</td>
                <td className={`${td} whitespace-nowrap`}>{l.vatTiyn !== null ? formatTiyn(l.vatTiyn) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>

      <h2 className="text-lg font-semibold">{t("order.payments")}</h2>
      {order.payments.length === 0 ? (
        <p className="text-gray-700">{t("order.noPayments")}</p>
      ) : (
        <ul className="flex flex-col gap-2 text-sm">
          {order.payments.map((p) => (
            <li key={p.id} className="rounded-md border border-gray-200 bg-white p-3">
              {t(`provider.${p.provider}`)} · {formatTiyn(p.amountTiyn)} · {formatDate(p.paidAt, locale, "short")} ·{" "}
              {t(`paymentStatus.${p.status}`)}
              {p.bankReference ? ` · ${t("forms.bankReference")}: ${p.bankReference}` : ""}
              {p.refunds.length > 0 ? ` · ${t("order.refunds", { count: p.refunds.length })}` : ""}
            </li>
          ))}
        </ul>
      )}

      {order.paymentMethod === "INVOICE" && order.status === "PENDING" && order.amountTiyn !== null ? (
        <MarkPaidForm orderId={order.id} amount={tenge(order.amountTiyn)} />
      ) : null}

      <details className="rounded-md border border-gray-200 bg-white p-3">
        <summary className="cursor-pointer font-semibold">{t("order.notifications", { count: notifications.length })}</summary>
        <ul className="mt-2 flex flex-col gap-3 text-sm">
          {notifications.map((n) => (
            <li key={n.id} className="flex flex-col gap-1">
              <p>
                {t(`provider.${n.provider}`)} · {formatDate(n.receivedAt, locale, "short")} ·{" "}
                {n.verified ? t("order.verified") : t("order.notVerified", { error: n.verificationError ?? "" })}
                {n.flaggedForFinance ? ` · ${t("order.flagged", { reason: n.flagReason ?? "" })}` : ""}
              </p>
              <pre className="max-h-80 overflow-auto rounded bg-gray-50 p-2 text-xs" tabIndex={0}>
                {pretty(n.body)}
              </pre>
              {n.result ? (
                <pre className="overflow-auto rounded bg-gray-50 p-2 text-xs" tabIndex={0}>
                  {JSON.stringify(n.result, null, 2)}
                </pre>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </FinancePage>
  );
}
