import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("billing", "orders", { index: false });

const STATUSES = ["PENDING", "PAID", "ACTIVATED", "CANCELLED", "EXPIRED"] as const;
type Status = (typeof STATUSES)[number];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The organisation's orders, newest first, filtered by status, twenty a page. */
export default async function OrdersPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadDashboardOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "billing" });
  const query = await searchParams;
  const statusParam = first(query.status);
  const status: Status | undefined = STATUSES.find((s) => s === statusParam);
  const pageParam = Number(first(query.page));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const orders = await api.employer.billing.orders({ organizationId: org.id, status, page });
  const base = `/employer/${org.id}/billing/orders`;
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (status) q.set("status", status);
    if (p > 1) q.set("page", String(p));
    const text = q.toString();
    return text ? `${base}?${text}` : base;
  };

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <nav aria-label={t("sections")}>
        <Link href={`/employer/${org.id}/billing`} className="text-brand-700 underline">
          {t("backToBilling")}
        </Link>
      </nav>
      <h2 className="text-xl font-semibold">{t("orders")}</h2>

      <form method="get" action="" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t("statusFilter")}
          <select name="status" defaultValue={status ?? ""} className="rounded-md border border-gray-300 bg-white px-2 py-2">
            <option value="">{t("allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`orderStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
          {t("ledgerFilter.apply")}
        </button>
      </form>

      {orders.orders.length === 0 ? (
        <p className="text-gray-700">{t("noOrders")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="orders">
          {orders.orders.map((o) => (
            <li key={o.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-3">
              <p className="font-medium">
                <Link href={`${base}/${o.id}`} className="text-brand-700 underline">
                  {t("orderTitle", { number: o.number ?? "—" })}
                </Link>{" "}
                · {t(`orderStatus.${o.status as Status}`)}
              </p>
              <p className="text-sm text-gray-700">
                {o.amountTiyn === null ? null : formatTiyn(o.amountTiyn)}
                {o.checkedOutAt ? ` · ${formatDate(o.checkedOutAt, locale, "medium")}` : null}
                {o.paymentMethod ? ` · ${t(`method.${o.paymentMethod}`)}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      {orders.pageCount > 1 ? (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-4">
          {orders.page > 1 ? (
            <Link href={href(orders.page - 1)} className="text-brand-700 underline">
              {t("previousPage")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page: orders.page, pages: orders.pageCount })}</span>
          {orders.page < orders.pageCount ? (
            <Link href={href(orders.page + 1)} className="text-brand-700 underline">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </EmployerShell>
  );
}
