import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdjustBalanceForm, RefundActions, RefundForm } from "@/components/admin/finance/finance-forms";
import { FinancePage, TableBox, requireFinanceStaff, td, th } from "@/components/admin/finance/finance-page";
import { Link } from "@/i18n/navigation";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function FinanceOrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const role = await requireFinanceStaff(locale);
  if (!/^\d{1,9}$/.test(orgId)) notFound();
  const search = await searchParams;
  const beforeId = typeof search.before === "string" && /^\d{1,9}$/.test(search.before) ? Number(search.before) : undefined;
  const view = await api.admin.finance.organization({ organizationId: Number(orgId), beforeId }).catch(() => null);
  if (!view) notFound();
  const t = await getTranslations({ locale, namespace: "finance" });
  return (
    <FinancePage locale={locale} role={role} title={view.organization.displayName}>
      <p className="text-sm text-gray-700">{view.organization.legalName}</p>
      <p className="text-lg">
        {t("organization.balance")}: <strong>{formatTiyn(view.balanceTiyn)}</strong>
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AdjustBalanceForm organizationId={view.organization.id} />
        <RefundForm
          organizationId={view.organization.id}
          cardPayments={view.cardPayments.map((p) => ({
            id: p.id,
            label: `${t(`provider.${p.provider}`)} · ${formatTiyn(p.amountTiyn)} · ${formatDate(p.paidAt, locale, "short")}`,
          }))}
        />
      </div>

      <h2 className="text-lg font-semibold">{t("organization.refunds")}</h2>
      {view.refunds.length === 0 ? (
        <p className="text-gray-700">{t("organization.noRefunds")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {view.refunds.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-3 text-sm">
              <p>
                {formatTiyn(r.amountTiyn)} · {t(`refundStatus.${r.status}`)} ·{" "}
                {r.paymentId ? t("organization.toCard") : t("forms.byTransfer")} · {formatDate(r.createdAt, locale, "short")}
                {r.reference ? ` · ${r.reference}` : ""}
              </p>
              <p className="text-gray-700 break-words">{r.reason}</p>
              {r.status === "REQUESTED" ? <RefundActions refundId={r.id} byCard={r.paymentId !== null} /> : null}
            </li>
          ))}
        </ul>
      )}

      <h2 className="text-lg font-semibold">{t("organization.ledger")}</h2>
      <TableBox>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("organization.ledger")}</caption>
          <thead className="bg-gray-50">
            <tr>
              <th scope="col" className={th}>
                {t("organization.date")}
              </th>
              <th scope="col" className={th}>
                {t("organization.kind")}
              </th>
              <th scope="col" className={th}>
                {t("amount")}
              </th>
              <th scope="col" className={th}>
                {t("organization.after")}
              </th>
              <th scope="col" className={th}>
                {t("forms.reason")}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.ledger.entries.map((e) => (
              <tr key={e.id} className="border-t border-gray-200">
                <td className={td}>{formatDate(e.createdAt, locale, "short")}</td>
                <td className={td}>
                  {t(`ledgerKind.${e.kind}`)}
                  {e.order?.number ? ` ${e.order.number}` : ""}
                </td>
                <td className={`${td} whitespace-nowrap`}>{formatTiyn(e.amountTiyn)}</td>
                <td className={`${td} whitespace-nowrap`}>{formatTiyn(e.balanceAfterTiyn)}</td>
                <td className={`${td} break-words`}>{e.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {view.ledger.nextBeforeId ? (
        <Link
          href={`/admin/finance/organizations/${view.organization.id}?before=${view.ledger.nextBeforeId}`}
          className="underline"
        >
          {t("next")}
        </Link>
      ) : null}
    </FinancePage>
  );
}
