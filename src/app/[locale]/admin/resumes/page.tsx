import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { ResumeModerationActions } from "@/components/admin/resume-moderation-actions";
import { Pagination } from "@/components/search/pagination";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { QUEUE_ROLES } from "@/lib/admin-queues";
import { formatDate } from "@/lib/format";
import { flagLabels } from "@/lib/moderation-terms/flag-labels";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const positive = (value: string | undefined) => {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 2_000_000_000) : undefined;
};

/**
 * Resumes waiting for a moderator, oldest first, 25 a page; `?resume=<id>` opens one resume
 * whatever its state (a complaint's link).
 */
export default async function AdminResumesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...QUEUE_ROLES.resumes]);
  const t = await getTranslations({ locale, namespace: "adminResumes" });
  const tFlags = await getTranslations({ locale, namespace: "moderationFlags" });
  const query = await searchParams;
  const resumeId = positive(single(query.resume));
  const queue = await api.admin.resumes.queue({ page: Math.min(positive(single(query.page)) ?? 1, 10_000), resumeId });
  const href = (page: number) => `/admin/resumes${page > 1 ? `?page=${page}` : ""}`;
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="resumes" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <p className="text-sm text-gray-700" data-testid="resumes-total">
        {t("total", { total: queue.total })}
      </p>
      <ClientMessages locale={locale} namespaces={["adminResumes", "errors", "validation"]}>
        <PageNotices>
          {queue.items.length === 0 ? <p>{t("empty")}</p> : null}
          <ul className="flex flex-col gap-4" data-testid="resume-queue">
            {queue.items.map((resume) => (
              <li key={resume.id} data-resume={resume.id} className="rounded-md border border-gray-200 bg-white p-4">
                <article aria-labelledby={`resume-${resume.id}`} className="grid gap-4 md:grid-cols-[minmax(0,1fr)_20rem]">
                  <div className="flex min-w-0 flex-col gap-2">
                    <h2 id={`resume-${resume.id}`} className="text-lg font-semibold break-words">
                      {resume.title}
                    </h2>
                    <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[9rem_1fr]">
                      <dt className="text-gray-700">{t("owner")}</dt>
                      <dd className="break-words">{resume.user.name}</dd>
                      <dt className="text-gray-700">{t("stateLabel")}</dt>
                      <dd data-testid="resume-state">
                        {t(`state.${resume.moderation}`)}
                        {resume.moderationQueuedAt
                          ? ` · ${t("queued", { date: formatDate(resume.moderationQueuedAt, locale, "medium", { time: true }) })}`
                          : null}
                      </dd>
                      <dt className="text-gray-700">{t("flags")}</dt>
                      <dd
                        className={resume.moderationFlags.length ? "font-medium text-amber-900" : undefined}
                        data-testid="resume-flags"
                      >
                        {resume.moderationFlags.length
                          ? flagLabels(resume.moderationFlags, (key, values) => tFlags(key, values)).join("; ")
                          : t("noFlags")}
                      </dd>
                    </dl>
                    {resume.hiddenReason ? (
                      <p className="text-sm text-red-800">{t("currentReason", { reason: resume.hiddenReason })}</p>
                    ) : null}
                    {resume.about ? (
                      <section className="text-sm">
                        <h3 className="font-medium">{t("about")}</h3>
                        <p className="whitespace-pre-line break-words">{resume.about}</p>
                      </section>
                    ) : null}
                    {resume.skills.length ? (
                      <section className="text-sm">
                        <h3 className="font-medium">{t("skills")}</h3>
                        <p className="break-words">{resume.skills.join(", ")}</p>
                      </section>
                    ) : null}
                    {resume.experiences.length ? (
                      <section className="text-sm">
                        <h3 className="font-medium">{t("experience")}</h3>
                        <ul className="flex flex-col gap-1">
                          {resume.experiences.map((e) => (
                            <li key={e.id} className="break-words">
                              <span className="font-medium">
                                {e.position}, {e.company}
                              </span>
                              {e.description ? <span className="block whitespace-pre-line">{e.description}</span> : null}
                            </li>
                          ))}
                        </ul>
                      </section>
                    ) : null}
                    {resume.tickets.length ? (
                      <section className="text-sm">
                        <h3 className="font-medium">{t("complaints")}</h3>
                        <ul className="flex flex-col gap-1">
                          {resume.tickets.map((ticket) => (
                            <li key={ticket.id} className="break-words">
                              <Link href={`/admin/tickets/${ticket.id}`} className="text-brand-700 underline">
                                {t("complaint", { id: ticket.id })}
                              </Link>{" "}
                              {ticket.message}
                            </li>
                          ))}
                        </ul>
                      </section>
                    ) : null}
                  </div>
                  <ResumeModerationActions
                    resumeId={resume.id}
                    title={resume.title}
                    moderation={resume.moderation}
                    complaintIds={resume.tickets.map((ticket) => ticket.id)}
                  />
                </article>
              </li>
            ))}
          </ul>
        </PageNotices>
      </ClientMessages>
      {resumeId === undefined ? <Pagination page={queue.page} pageCount={queue.pageCount} href={href} /> : null}
    </div>
  );
}
