import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { TicketActions } from "@/components/admin/ticket-actions";
import { TicketAge } from "@/components/admin/ticket-age";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import { organizationPath, vacancyPath } from "@/lib/urls";
import { requireStaff } from "@/server/auth/require-staff";
import { TICKET_STAFF_ROLES } from "@/lib/admin-queues";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** One complaint or feedback ticket: who wrote it, about what, and what staff did with it. */
export default async function AdminTicketPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...TICKET_STAFF_ROLES]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  // Unknown, or of a kind this staff member does not handle: the same 404.
  const ticket = await api.admin.tickets.get({ ticketId: Number(id) }).catch(() => null);
  if (!ticket) notFound();
  const t = await getTranslations({ locale, namespace: "adminTickets" });
  const tc = await getTranslations({ locale, namespace: "complaint" });
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDate(date, locale, "medium", { time: true })}</time>;
  const email = ticket.author?.email ?? ticket.authorEmail;
  const name = ticket.author?.name ?? ticket.authorName;
  const org = ticket.organization;
  const link = "text-brand-700 underline";
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="tickets" />
      <Link href="/admin/tickets" className="self-start text-sm underline">
        {t("ticket.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("ticket.title", { kind: t(`kinds.${ticket.kind}`), id: ticket.id })}</h1>
      <section aria-labelledby="ticket-details" className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
        <h2 id="ticket-details" className="text-lg font-semibold">
          {t("ticket.details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]" data-testid="ticket-details">
          <dt className="text-gray-700">{t("status")}</dt>
          <dd data-testid="ticket-status">{t(`statuses.${ticket.status}`)}</dd>
          {ticket.reason ? (
            <>
              <dt className="text-gray-700">{t("reason")}</dt>
              <dd>{tc(`reasons.${ticket.reason}`)}</dd>
            </>
          ) : null}
          <dt className="text-gray-700">{t("ticket.author")}</dt>
          <dd className="break-words">
            {name ?? t("ticket.noName")}
            {email ? ` <${email}>` : ""} —{" "}
            {ticket.author ? t("ticket.authorAccount", { id: ticket.author.id }) : t("ticket.authorGuest")}
          </dd>
          <dt className="text-gray-700">{t("ticket.language")}</dt>
          <dd>{t(`ticket.languages.${ticket.locale}`)}</dd>
          <dt className="text-gray-700">{t("ticket.created")}</dt>
          <dd>{when(ticket.createdAt)}</dd>
          {ticket.ageHours !== null ? (
            <>
              <dt className="text-gray-700">{t("ticket.waiting")}</dt>
              <dd>
                <TicketAge locale={locale} ageHours={ticket.ageHours} overdue={ticket.overdue} />
              </dd>
            </>
          ) : null}
          <dt className="text-gray-700">{t("ticket.handler")}</dt>
          <dd data-testid="ticket-handler">{ticket.handledBy?.name ?? t("nobody")}</dd>
          {ticket.kind === "COMPLAINT" ? (
            <>
              {ticket.resume ? (
                <>
                  <dt className="text-gray-700">{t("ticket.resume")}</dt>
                  <dd className="flex flex-wrap gap-x-3">
                    <span>«{ticket.resume.title}»</span>
                    <Link href={`/admin/resumes?resume=${ticket.resume.id}`} className={link}>
                      {t("ticket.resumeModeration")}
                    </Link>
                  </dd>
                </>
              ) : null}
              <dt className="text-gray-700">{t("ticket.vacancy")}</dt>
              <dd className="flex flex-wrap gap-x-3">
                {ticket.vacancy ? (
                  <>
                    <span>«{ticket.vacancy.title}»</span>
                    <Link href={vacancyPath(ticket.vacancy.id, ticket.vacancy.slug)} className={link}>
                      {t("ticket.publicPage")}
                    </Link>
                    <Link href="/admin/moderation" className={link}>
                      {t("ticket.moderationQueue")}
                    </Link>
                  </>
                ) : (
                  t("ticket.vacancyGone")
                )}
              </dd>
              <dt className="text-gray-700">{t("ticket.decision")}</dt>
              <dd data-testid="ticket-decision">
                {ticket.decision ? t(`ticket.decisions.${ticket.decision}`) : t("ticket.noDecision")}
              </dd>
            </>
          ) : null}
          {org ? (
            <>
              <dt className="text-gray-700">{t("ticket.organization")}</dt>
              <dd className="flex flex-wrap gap-x-3">
                <span>
                  {org.displayName}
                  {org.blockedAt ? ` (${t("ticket.blocked")})` : ""}
                </span>
                <Link href={organizationPath(org)} className={link}>
                  {t("ticket.publicPage")}
                </Link>
                <Link href="/admin/organizations" className={link}>
                  {t("ticket.organizationCheck")}
                </Link>
              </dd>
            </>
          ) : null}
          {ticket.closeReason ? (
            <>
              <dt className="text-gray-700">{t("ticket.closeReason")}</dt>
              <dd>{t(`ticket.closeReasons.${ticket.closeReason}`)}</dd>
            </>
          ) : null}
          {ticket.closedAt ? (
            <>
              <dt className="text-gray-700">{t("ticket.closedAt")}</dt>
              <dd>{when(ticket.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        <h3 className="font-semibold">{t("ticket.message")}</h3>
        <p className="text-sm break-words whitespace-pre-wrap" data-testid="ticket-message">
          {ticket.message}
        </p>
        {ticket.answer ? (
          <>
            <h3 className="font-semibold">
              {t("ticket.answer")}
              {ticket.answeredAt ? <span className="font-normal text-gray-700"> — {when(ticket.answeredAt)}</span> : null}
            </h3>
            <p className="text-sm break-words whitespace-pre-wrap" data-testid="ticket-answer">
              {ticket.answer}
            </p>
          </>
        ) : null}
      </section>
      {ticket.actions.length ? (
        <ClientMessages locale={locale} namespaces={["adminTickets", "errors", "validation"]}>
          <TicketActions
            ticketId={ticket.id}
            kind={ticket.kind}
            actions={ticket.actions}
            me={staff.id}
            handledById={ticket.handledBy?.id ?? null}
            language={t(`ticket.languages.${ticket.locale}`)}
            assignees={ticket.assignees.map((s) => ({ id: s.id, label: `${s.name} <${s.email}>` }))}
          />
        </ClientMessages>
      ) : (
        <p className="text-gray-700">{t("ticket.done")}</p>
      )}
    </div>
  );
}
