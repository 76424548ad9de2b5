import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { MarkViewed, NoteForm, RespondForm } from "@/components/employer/application-actions";
import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { VerifiedLicences } from "@/components/resume/verified-licences";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatAmount, formatDate } from "@/lib/format";
import { fillPlaceholders } from "@/lib/fill-placeholders";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";
import { isReadOnlyRole } from "@/lib/org-roles";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("inbox", "title", { index: false });

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </section>
  );
}

export default async function ApplicationPage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; applicationId: string }>;
}) {
  const { locale, orgId, applicationId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadHiringOrganization(locale, orgId);
  if (!/^\d{1,9}$/.test(applicationId)) notFound();
  const [application, templates] = await Promise.all([
    api.employer.applications.get({ organizationId: org.id, applicationId: Number(applicationId) }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    api.employer.applications.templates({ organizationId: org.id }),
  ]);
  const t = await getTranslations({ locale, namespace: "inbox" });
  const tStatus = await getTranslations({ locale, namespace: "applicationStatus" });
  const tVacancy = await getTranslations({ locale, namespace: "vacancy" });
  const resume = application.resume;
  const seekerLocale = application.seeker.locale === "kk" ? "kk" : "ru";
  // The answer form starts from the template written out for this applicant.
  const filled = { name: application.seeker.name, vacancy: application.vacancy.title, organization: org.displayName };
  const month = (d: Date) => formatDate(d, locale, "monthYear", { timeZone: "UTC" });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="applications">
      {application.status === "SENT" ? <MarkViewed organizationId={org.id} applicationId={application.id} /> : null}
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold break-words">{application.seeker.name}</h2>
        {application.origin === "EMPLOYER" ? (
          <p className="self-start rounded-md border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-sm text-emerald-900">
            {t("invitation")}
          </p>
        ) : null}
        <p className="text-sm text-gray-700">
          {application.vacancy.title} ·{" "}
          {application.origin === "EMPLOYER"
            ? t("invitedBy", {
                name: application.invitedBy?.name ?? "—",
                date: formatDate(application.invitedAt ?? application.createdAt, locale, "medium"),
              })
            : t("applied", { date: formatDate(application.createdAt, locale, "medium") })}{" "}
          · {t("statusLabel", { status: tStatus(application.status) })}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <article className="flex min-w-0 flex-col gap-5 rounded-md border border-gray-200 bg-white p-4">
          <Block title={t("contacts")}>
            {application.seeker.email ? (
              <p className="break-all">
                <a className="underline" href={`mailto:${application.seeker.email}`}>
                  {application.seeker.email}
                </a>
                {" · "}
                {application.seeker.phone ? (
                  <a className="underline" href={`tel:${application.seeker.phone}`}>
                    {application.seeker.phone}
                  </a>
                ) : (
                  t("noPhone")
                )}
              </p>
            ) : (
              <p className="text-sm text-gray-700">{t("contactsHidden")}</p>
            )}
          </Block>
          {application.seeker.verifiedLicences.length ? (
            <Block title={t("verifiedLabel")}>
              <VerifiedLicences licences={application.seeker.verifiedLicences} locale={locale} />
            </Block>
          ) : null}
          {application.message ? (
            <Block title={t("message")}>
              <p className="whitespace-pre-line">{application.message}</p>
            </Block>
          ) : null}
          {resume ? (
            <>
              <Block title={t("resume")}>
                <p className="text-lg font-medium break-words">{resume.title}</p>
                <p className="flex flex-wrap gap-3 text-sm">
                  <Link href={`/employer/${org.id}/resumes/${resume.publicId}`} className="text-brand-800 underline">
                    {t("openResume")}
                  </Link>
                  <a
                    href={`/api/resumes/${resume.publicId}/pdf?organizationId=${org.id}&locale=${locale}`}
                    download
                    className="text-brand-800 underline"
                  >
                    {t("resumePdf")}
                  </a>
                </p>
                <p className="text-sm text-gray-700">
                  {[
                    resume.city ? localName(resume.city, locale) : null,
                    resume.desiredSalary ? `${t("desiredSalary")}: ${formatAmount(resume.desiredSalary)} ₸` : null,
                    resume.specializations.map((s) => localName(s.specialization, locale)).join(", ") || null,
                    resume.employmentTypes.map((e) => tVacancy(`employment.${e}`)).join(", ") || null,
                    resume.schedules.map((s) => tVacancy(`schedule.${s}`)).join(", ") || null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </Block>
              {resume.experiences.length ? (
                <Block title={t("experience")}>
                  <ul className="flex flex-col gap-3">
                    {resume.experiences.map((e) => (
                      <li key={e.id}>
                        <p className="font-medium">
                          {e.position}, {e.company}
                        </p>
                        <p className="text-sm text-gray-700">
                          {month(e.startedOn)} — {e.endedOn ? month(e.endedOn) : t("present")}
                        </p>
                        {e.description ? <p className="text-sm whitespace-pre-line">{e.description}</p> : null}
                      </li>
                    ))}
                  </ul>
                </Block>
              ) : null}
              {resume.educations.length ? (
                <Block title={t("education")}>
                  <ul className="list-disc pl-5 text-sm">
                    {resume.educations.map((e) => (
                      <li key={e.id}>{[e.institution, e.speciality, e.graduationYear].filter(Boolean).join(", ")}</li>
                    ))}
                  </ul>
                </Block>
              ) : null}
              {resume.languages.length ? (
                <Block title={t("languages")}>
                  <p className="text-sm">{resume.languages.map((l) => `${l.language.toUpperCase()} ${l.level}`).join(", ")}</p>
                </Block>
              ) : null}
              {resume.licences.length ? (
                <Block title={t("licences")}>
                  <p className="text-sm">
                    {resume.licences
                      .map((l) =>
                        l.yearObtained ? t("licenceYear", { category: l.category, year: String(l.yearObtained) }) : l.category,
                      )
                      .join(", ")}
                  </p>
                </Block>
              ) : null}
              {resume.skills.length ? (
                <Block title={t("skills")}>
                  <p className="text-sm">{resume.skills.join(", ")}</p>
                </Block>
              ) : null}
              {resume.about ? (
                <Block title={t("about")}>
                  <p className="text-sm whitespace-pre-line">{resume.about}</p>
                </Block>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-gray-700" data-testid="resume-hidden">
              {application.resumeHidden
                ? t(application.origin === "EMPLOYER" ? "resumeNotVisible" : "resumeHiddenByModeration")
                : t("noResume")}
            </p>
          )}
        </article>
        <div className="flex min-w-0 flex-col gap-5">
          <ClientMessages locale={locale} namespaces={["inbox", "errors", "validation"]}>
            {!isReadOnlyRole(org.myRole) && application.status !== "WITHDRAWN" ? (
              <RespondForm
                organizationId={org.id}
                applicationId={application.id}
                status={application.status}
                templates={templates
                  .filter((tpl) => tpl.locale === seekerLocale)
                  .map((tpl) => ({
                    kind: tpl.kind,
                    subject: fillPlaceholders(tpl.subject, filled),
                    body: fillPlaceholders(tpl.body, filled),
                  }))}
              />
            ) : null}
            <Block title={t("conversation")}>
              <ul className="flex flex-col gap-2">
                {application.messages.map((m) => (
                  <li key={m.id} className={`rounded-md p-2 text-sm ${m.isInternal ? "bg-amber-50" : "bg-gray-100"}`}>
                    <p className="text-xs text-gray-700">
                      {m.author?.name ?? "—"} · {formatDate(m.createdAt, locale, "short", { time: true })}
                      {m.isInternal ? ` · ${t("internal")}` : null}
                    </p>
                    <p className="whitespace-pre-line">{m.body}</p>
                  </li>
                ))}
              </ul>
              {!isReadOnlyRole(org.myRole) ? <NoteForm organizationId={org.id} applicationId={application.id} /> : null}
            </Block>
          </ClientMessages>
        </div>
      </div>
    </EmployerShell>
  );
}
