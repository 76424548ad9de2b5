import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { TableBox, dayParam, oneOf, pageParam, td, th } from "@/components/admin/finance/finance-page";
import { TicketAge } from "@/components/admin/ticket-age";
import type { AppLocale } from "@/i18n/routing";
import { FilterForm, FilterInput, FilterSelect, filteredPageHref, rawParam } from "@/components/admin/filter-form";
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
  const query = (page: number) => filteredPageHref("/admin/tickets", search, page);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <AdminNav locale={locale} role={role} current="tickets" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-gray-700">
        {t("slaHint", { complaint: TICKET_SLA_HOURS.COMPLAINT, feedback: TICKET_SLA_HOURS.FEEDBACK })}
      </p>
      <FilterForm label={t("filters")} submit={t("apply")}>
        {kinds.length > 1 ? (
          <FilterSelect
            label={t("kind")}
            name="kind"
            value={filter.kind}
            any={t("any")}
            options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        ) : null}
        <FilterSelect
          label={t("status")}
          name="status"
          value={filter.status}
          options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <FilterSelect
          label={t("reason")}
          name="reason"
          value={filter.reason}
          any={t("any")}
          options={COMPLAINT_REASONS.map((r) => ({ value: r, label: tc(`reasons.${r}`) }))}
        />
        <FilterSelect
          label={t("assignee")}
          name="assignee"
          value={assigneeParam}
          any={t("any")}
          options={[
            { value: "mine", label: t("assignees.mine") },
            { value: "unassigned", label: t("assignees.unassigned") },
            ...(result?.assignees.map((s) => ({ value: String(s.id), label: s.name })) ?? []),
          ]}
        />
        <FilterInput label={t("from")} name="from" type="date" value={rawParam(search.from)} />
        <FilterInput label={t("to")} name="to" type="date" value={rawParam(search.to)} />
      </FilterForm>
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
