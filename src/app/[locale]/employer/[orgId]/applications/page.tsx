import { getTranslations, setRequestLocale } from "next-intl/server";

import { ApplicationsList } from "@/components/employer/applications-list";
import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { licenceLabel } from "@/lib/format";
import { localName } from "@/lib/local-name";
import { LICENCE_CATEGORIES } from "@/lib/validation/resume";
import { verifiedBadgeText } from "@/components/resume/verified-licences";
import { api } from "@/trpc/server";
import { isReadOnlyRole } from "@/lib/org-roles";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("inbox", "title", { index: false });

const STATUSES = ["SENT", "VIEWED", "INVITED", "REJECTED"] as const;
const positive = (value: unknown) => (typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

export default async function ApplicationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const { organization: org, others } = await loadHiringOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "inbox" });
  const tStatus = await getTranslations({ locale, namespace: "applicationStatus" });
  const status = STATUSES.find((s) => s === query.status);
  const vacancyId = positive(query.vacancy);
  const verifiedCategory = LICENCE_CATEGORIES.find((c) => c === query.verified);
  const cursor = positive(query.cursor);
  const [inbox, vacancies] = await Promise.all([
    api.employer.applications.list({ organizationId: org.id, status, vacancyId, verifiedCategory, cursor }),
    api.employer.vacancies.list({ organizationId: org.id }),
  ]);
  const canAnswer = !isReadOnlyRole(org.myRole);
  const total = Object.values(inbox.counts).reduce((a, b) => a + (b ?? 0), 0) - (inbox.counts.WITHDRAWN ?? 0);
  const badge = await verifiedBadgeText(locale);
  const more = new URLSearchParams({
    ...(status ? { status } : {}),
    ...(vacancyId ? { vacancy: String(vacancyId) } : {}),
    ...(verifiedCategory ? { verified: verifiedCategory } : {}),
  });
  if (inbox.nextCursor) more.set("cursor", String(inbox.nextCursor));
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="applications">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <Link href={`/employer/${org.id}/applications/templates`} className="underline">
          {t("templates")}
        </Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="vacancy" className="text-sm font-medium text-gray-800">
            {t("vacancy")}
          </label>
          <select
            id="vacancy"
            name="vacancy"
            defaultValue={vacancyId ?? ""}
            className="max-w-xs rounded-md border border-gray-400 px-3 py-2"
          >
            <option value="">{t("allVacancies")}</option>
            {vacancies.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="verified" className="text-sm font-medium text-gray-800">
            {t("verifiedFilter")}
          </label>
          <select
            id="verified"
            name="verified"
            defaultValue={verifiedCategory ?? ""}
            className="rounded-md border border-gray-400 px-3 py-2"
          >
            <option value="">{t("verifiedAny")}</option>
            {LICENCE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {licenceLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{t("statusLabel", { status: "" })}</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="status" value="" defaultChecked={!status} />
            {t("all")} ({total})
          </label>
          {STATUSES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="radio" name="status" value={s} defaultChecked={status === s} />
              {tStatus(s)} ({inbox.counts[s] ?? 0})
            </label>
          ))}
        </fieldset>
        <button type="submit" className="rounded-md border border-gray-400 bg-white px-4 py-2 font-medium">
          {t("filter")}
        </button>
      </form>
      {inbox.items.length === 0 ? <p className="text-gray-700">{t("empty")}</p> : null}
      <ClientMessages locale={locale} namespaces={["inbox", "applicationStatus", "errors", "validation"]}>
        <ApplicationsList
          organizationId={org.id}
          canAnswer={canAnswer}
          rows={inbox.items.map((a) => ({
            id: a.id,
            status: a.status,
            invitation: a.origin === "EMPLOYER",
            createdAt: a.createdAt,
            vacancyTitle: a.vacancy.title,
            name: a.seeker.name,
            resumeTitle: a.resumeHidden ? t("resumeHiddenByModeration") : (a.resume?.title ?? null),
            city: a.resume?.city ? localName(a.resume.city, locale) : null,
            verified: a.seeker.verifiedLicences.map(badge),
          }))}
        />
      </ClientMessages>
      {inbox.nextCursor ? (
        <Link href={`/employer/${org.id}/applications?${more.toString()}`} className="self-start underline">
          {t("more")}
        </Link>
      ) : null}
    </EmployerShell>
  );
}
