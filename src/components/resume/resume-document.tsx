import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { formatAmount, formatDate, licenceLabel } from "@/lib/format";
import { localName } from "@/lib/local-name";
import type { ResumeDocument as ResumeData } from "@/server/services/resumes/resumes";

import { experienceLength, languageName } from "./resume-format";
import { VerifiedLicences } from "./verified-licences";

export interface ResumePerson {
  name: string;
  email: string | null;
  phone: string | null;
  city?: string | null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="resume-section flex flex-col gap-2 break-inside-avoid-page">
      <h2 className="border-b border-gray-300 pb-1 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * A resume as a document: the same markup on the screen, on paper (print CSS hides the site's
 * chrome) and, field for field, in the PDF. Plain-text fields keep their line breaks.
 */
export async function ResumeDocument({
  resume,
  person,
  locale,
}: {
  resume: Omit<ResumeData, "userId" | "visibility">;
  person: ResumePerson;
  locale: string;
}) {
  const t = await getTranslations({ locale, namespace: "resumes" });
  const tv = await getTranslations({ locale, namespace: "vacancy" });
  const month = (d: Date) => formatDate(d, locale, "monthYear", { timeZone: "UTC" });
  const total = experienceLength(resume.experiences);

  return (
    <article className="resume-document flex flex-col gap-5 rounded-lg border border-gray-200 bg-white p-5 print:border-0 print:p-0">
      <header className="flex flex-col gap-1">
        <p className="text-base text-gray-700">{person.name}</p>
        <h1 className="text-2xl font-bold break-words">{resume.title}</h1>
        {resume.desiredSalary ? (
          <p className="text-lg font-medium">{t("document.salary", { amount: formatAmount(resume.desiredSalary) })}</p>
        ) : null}
        <p className="text-sm text-gray-700">
          {[
            resume.city ? localName(resume.city, locale) : null,
            resume.relocationRegions.length
              ? t("document.relocation", { regions: resume.relocationRegions.map((r) => localName(r.region, locale)).join(", ") })
              : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {person.email || person.phone ? (
          <p className="text-sm">{[person.phone, person.email].filter(Boolean).join(" · ")}</p>
        ) : null}
      </header>

      <Section title={t("document.wishes")}>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-gray-700">{t("document.specializations")}</dt>
          <dd>{resume.specializations.map((s) => localName(s.specialization, locale)).join(", ")}</dd>
          <dt className="text-gray-700">{t("document.employment")}</dt>
          <dd>{resume.employmentTypes.map((e) => tv(`employment.${e}`)).join(", ")}</dd>
          {resume.schedules.length ? (
            <>
              <dt className="text-gray-700">{t("document.schedules")}</dt>
              <dd>{resume.schedules.map((s) => tv(`schedule.${s}`)).join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </Section>

      {resume.user.verifiedLicences.length ? (
        <Section title={t("document.verifiedLicences")}>
          <VerifiedLicences licences={resume.user.verifiedLicences} locale={locale} />
        </Section>
      ) : null}

      {resume.licences.length ? (
        <Section title={t("document.licences")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {resume.licences.map((l) => (
              <li key={l.category} className="rounded-md border border-gray-300 px-2 py-1">
                <span className="font-semibold">{licenceLabel(l.category)}</span>
                {l.yearObtained ? (
                  <span className="text-gray-700"> · {t("document.since", { year: l.yearObtained })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section
        title={
          resume.experiences.length
            ? t("document.experienceTotal", { years: Math.floor(total / 12), months: total % 12 })
            : t("document.experience")
        }
      >
        {resume.experiences.length === 0 ? <p className="text-sm text-gray-700">{t("document.noExperience")}</p> : null}
        <ol className="flex flex-col gap-3">
          {resume.experiences.map((e) => (
            <li key={e.id} className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr] print:grid-cols-[12rem_1fr]">
              <p className="text-sm text-gray-700">
                {month(e.startedOn)} — {e.endedOn ? month(e.endedOn) : t("document.present")}
              </p>
              <div className="flex flex-col gap-1">
                <p className="font-semibold break-words">{e.position}</p>
                <p className="text-sm break-words">{e.company}</p>
                {e.description ? <p className="text-sm break-words whitespace-pre-line">{e.description}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      </Section>

      {resume.educations.length ? (
        <Section title={t("document.education")}>
          <ul className="flex flex-col gap-2">
            {resume.educations.map((e) => (
              <li key={e.id} className="text-sm">
                <p className="font-medium break-words">
                  {e.institution}
                  {e.graduationYear ? `, ${e.graduationYear}` : ""}
                </p>
                <p className="text-gray-700">{[t(`education.${e.level}`), e.speciality].filter(Boolean).join(" · ")}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {resume.languages.length ? (
        <Section title={t("document.languages")}>
          <p className="text-sm">
            {resume.languages.map((l) => `${languageName(l.language, locale)} — ${t(`languageLevel.${l.level}`)}`).join("; ")}
          </p>
        </Section>
      ) : null}

      {resume.skills.length ? (
        <Section title={t("document.skills")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {resume.skills.map((s) => (
              <li key={s} className="rounded-full bg-gray-100 px-3 py-1 print:border print:border-gray-300">
                {s}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {resume.about ? (
        <Section title={t("document.about")}>
          <p className="text-sm break-words whitespace-pre-line">{resume.about}</p>
        </Section>
      ) : null}

      <footer className="text-xs text-gray-600">
        {t("document.updated", { date: formatDate(resume.updatedAt, locale, "long") })}
      </footer>
    </article>
  );
}
