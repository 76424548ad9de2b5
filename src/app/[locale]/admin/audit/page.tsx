import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { auditFilterSchema } from "@/lib/validation/audit";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/server/audit";
import { requireStaff } from "@/server/auth/require-staff";
import { isDomainError } from "@/server/errors";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and the filters.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const FILTERS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

/** The audit log with filters, pages of 50, and the filtered rows as CSV. Superadmins only. */
export default async function AdminAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminAudit" });
  const raw = await searchParams;
  const values = Object.fromEntries(
    [...FILTERS, "page"].map((key) => [key, typeof raw[key] === "string" ? raw[key] : ""]),
  ) as Record<(typeof FILTERS)[number] | "page", string>;
  const parsed = auditFilterSchema.safeParse(values);
  const result = parsed.success
    ? await api.admin.audit.list(parsed.data).catch((error: unknown) => {
        // A date range that ends before it starts: the filters are said to be wrong.
        if (error instanceof TRPCError && isDomainError(error.cause)) return null;
        throw error;
      })
    : null;
  const query = (page?: number) => {
    const q = new URLSearchParams();
    for (const key of FILTERS) if (values[key]) q.set(key, values[key]);
    if (page && page > 1) q.set("page", String(page));
    return q;
  };
  const csv = query();
  csv.set("lang", locale);

  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="audit" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="grid gap-3 sm:grid-cols-3" aria-label={t("filters")}>
        <Field id="actor" label={t("actor")} type="email" defaultValue={values.actor} autoComplete="off" />
        <SelectField id="action" label={t("action")} defaultValue={values.action}>
          <option value="">{t("any")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </SelectField>
        <SelectField id="entityType" label={t("entityType")} defaultValue={values.entityType}>
          <option value="">{t("any")}</option>
          {AUDIT_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <Field id="entityId" label={t("entityId")} defaultValue={values.entityId} autoComplete="off" />
        <Field id="from" label={t("from")} type="date" defaultValue={values.from} />
        <Field id="to" label={t("to")} type="date" defaultValue={values.to} />
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="self-center text-brand-700 underline">
            {t("reset")}
          </Link>
        </div>
      </form>
      {result === null ? (
        <Alert tone="error">{t("invalidFilters")}</Alert>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-gray-700" data-testid="audit-total">
              {t("total", { count: result.total })}
            </p>
            <a href={`/api/admin/audit.csv?${csv.toString()}`} className="text-brand-700 underline" download>
              {t("csv")}
            </a>
          </div>
          <div tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700">
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="audit">
              <caption className="sr-only">{t("title")}</caption>
              <thead>
                <tr className="border-b border-gray-300">
                  {(["when", "actor", "action", "entity", "reason", "ip"] as const).map((key) => (
                    <th key={key} scope="col" className="py-2 pr-3">
                      {t(`columns.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.id} className="border-b border-gray-100 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {formatDate(row.createdAt, locale, "short", { time: "seconds", timeZone: "Asia/Almaty" })}
                    </td>
                    <td className="py-2 pr-3 break-all">{row.actorEmail ?? t("system")}</td>
                    <td className="py-2 pr-3 font-mono">{row.action}</td>
                    <td className="py-2 pr-3 font-mono">
                      {row.entityType}
                      {row.entityId ? ` #${row.entityId}` : ""}
                    </td>
                    <td className="py-2 pr-3 break-words">
                      {row.reason}
                      {row.data ? <span className="block font-mono text-xs text-gray-600">{row.data}</span> : null}
                    </td>
                    <td className="py-2 font-mono">{row.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.rows.length === 0 ? <p>{t("empty")}</p> : null}
          {result.pages > 1 ? (
            <nav aria-label={t("pages")} className="flex items-center gap-3">
              {result.page > 1 ? (
                <Link href={`/admin/audit?${query(result.page - 1).toString()}`} className="text-brand-700 underline" rel="prev">
                  {t("previous")}
                </Link>
              ) : null}
              <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
              {result.page < result.pages ? (
                <Link href={`/admin/audit?${query(result.page + 1).toString()}`} className="text-brand-700 underline" rel="next">
                  {t("next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
