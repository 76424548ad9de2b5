import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { TableBox, dayParam, oneOf, pageParam, td, th } from "@/components/admin/finance/finance-page";
import { TicketAge } from "@/components/admin/ticket-age";
import type { AppLocale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import { TICKET_SLA_HOURS } from "@/lib/tickets";
import { COMPLAINT_REASONS } from "@/lib/validation/complaint";
import { TICKET_KINDS, TICKET_STATUSES } from "@/lib/validation/ticket";
import { requireStaff } from "@/server/auth/require-staff";
import { handlesTickets, TICKET_STAFF_ROLES } from "@/lib/admin-queues";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and on the tickets right now.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const STATUS_FILTERS = ["open", ...TICKET_STATUSES, "all"] as const;
const DAY = 86_400_000;

type Search = Record<string, string | string[] | undefined>;

/** Complaints and feedback the staff member handles: filters, age against the limit, 25 a page. */
export default async function AdminTicketsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...TICKET_STAFF_ROLES]);
  const role = staff.staffRole ?? "SUPERADMIN";
  const search = await searchParams;
  const t = await getTranslations({ locale, namespace: "adminTickets" });
  const tc = await getTranslations({ locale, namespace: "complaint" });
  const kinds = TICKET_KINDS.filter((kind) => handlesTickets(kind, role));
  const assigneeParam = typeof search.assignee === "string" ? search.assignee : "";
  const filter = {
    kind: oneOf(search.kind, kinds),
    status: oneOf(search.status, STATUS_FILTERS) ?? "open",
    reason: oneOf(search.reason, COMPLAINT_REASONS),
    assignee:
      assigneeParam === "mine" || assigneeParam === "unassigned"
        ? (assigneeParam as "mine" | "unassigned")
        : /^[1-9]\d{0,8}$/.test(assigneeParam)
          ? Number(assigneeParam)
          : undefined,
    from: dayParam(search.from),
    // The last day counts whole.
    to: dayParam(search.to) ? new Date(dayParam(search.to)!.getTime() + DAY) : undefined,
    page: pageParam(search.page),
  };
  const validRange = !(filter.from && filter.to && filter.from >= filter.to);
  const result = validRange ? await api.admin.tickets.list(filter) : null;
  const query = (page: number) => {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (typeof value === "string" && key !== "page") q.set(key, value);
    q.set("page", String(page));
    return `/admin/tickets?${q.toString()}`;
  };
  const field = "rounded-md border border-gray-400 bg-white px-2 py-1";
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <AdminNav locale={locale} role={role} current="tickets" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-gray-700">
        {t("slaHint", { complaint: TICKET_SLA_HOURS.COMPLAINT, feedback: TICKET_SLA_HOURS.FEEDBACK })}
      </p>
      <form
        method="get"
        className="grid grid-cols-1 gap-3 rounded-md border border-gray-200 bg-white p-4 sm:grid-cols-3"
        aria-label={t("filters")}
      >
        {kinds.length > 1 ? (
          <label className="flex flex-col gap-1 text-sm">
            {t("kind")}
            <select name="kind" defaultValue={filter.kind ?? ""} className={field}>
              <option value="">{t("any")}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-sm">
          {t("status")}
          <select name="status" defaultValue={filter.status} className={field}>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("reason")}
          <select name="reason" defaultValue={filter.reason ?? ""} className={field}>
            <option value="">{t("any")}</option>
            {COMPLAINT_REASONS.map((r) => (
              <option key={r} value={r}>
                {tc(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("assignee")}
          <select name="assignee" defaultValue={assigneeParam} className={field}>
            <option value="">{t("any")}</option>
            <option value="mine">{t("assignees.mine")}</option>
            <option value="unassigned">{t("assignees.unassigned")}</option>
            {result?.assignees.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("from")}
          <input type="date" name="from" defaultValue={typeof search.from === "string" ? search.from : ""} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("to")}
          <input type="date" name="to" defaultValue={typeof search.to === "string" ? search.to : ""} className={field} />
        </label>
        <div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-white">
            {t("apply")}
          </button>
        </div>
      </form>
      {!result ? (
        <p role="alert">{t("rangeInvalid")}</p>
      ) : result.tickets.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        <>
          <p className="text-sm text-gray-700" data-testid="tickets-total">
            {t("total", { total: result.total })}
          </p>
          <TableBox>
            <table className="w-full text-sm" data-testid="tickets">
              <caption className="sr-only">{t("title")}</caption>
              <thead className="bg-gray-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("columns.number")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.kind")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.status")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.subject")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.author")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.handler")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.created")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.age")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.tickets.map((ticket) => (
                  <tr key={ticket.id} className="border-t border-gray-200" data-ticket={ticket.id}>
                    <td className={td}>
                      <Link href={`/admin/tickets/${ticket.id}`} className="text-brand-700 underline">
                        {`№ ${ticket.id}`}
                      </Link>
                    </td>
                    <td className={td}>{t(`kinds.${ticket.kind}`)}</td>
                    <td className={`${td} whitespace-nowrap`}>{t(`statuses.${ticket.status}`)}</td>
                    <td className={`${td} min-w-48`}>
                      {ticket.reason ? <span className="font-medium">{tc(`reasons.${ticket.reason}`)}: </span> : null}
                      {ticket.vacancy ? <span>«{ticket.vacancy.title}» — </span> : null}
                      <span className="text-gray-700">{ticket.excerpt}</span>
                    </td>
                    <td className={td}>{ticket.authorName ?? (ticket.authorId ? `#${ticket.authorId}` : t("guest"))}</td>
                    <td className={td}>{ticket.handledBy?.name ?? t("nobody")}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <time dateTime={ticket.createdAt.toISOString()}>
                        {formatDate(ticket.createdAt, locale, "short", { time: true })}
                      </time>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      <TicketAge locale={locale} ageHours={ticket.ageHours} overdue={ticket.overdue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
      {result && result.pages > 1 ? (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3 text-sm">
          {result.page > 1 ? <Link href={query(result.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages ? <Link href={query(result.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
