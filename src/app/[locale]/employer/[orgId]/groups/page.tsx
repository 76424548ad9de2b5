import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool } from "@/components/school/load-school";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDay } from "@/lib/schools/calendar-day";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "groups.title", { index: false });

export default async function SchoolGroupsPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  const t = await getTranslations({ locale, namespace: "schoolRegistry.groups" });
  const groups = await api.school.groups.list({ organizationId: org.id });
  const base = `/employer/${org.id}`;
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="groups">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        {status.canWrite ? (
          <Link
            href={`${base}/groups/new`}
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("new")}
          </Link>
        ) : null}
      </div>
      {status.role === "INSTRUCTOR" ? <p className="text-sm text-gray-700">{t("instructorScope")}</p> : null}
      {groups.length === 0 ? (
        <p className="text-gray-700">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {groups.map((g) => (
            <li key={g.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-medium break-words">{g.name}</h3>
                <span className="text-sm text-gray-700">{t("categoryValue", { category: g.category })}</span>
              </div>
              <p className="text-sm text-gray-700">
                {t("dates", { from: formatDay(g.startsOn), to: formatDay(g.endsOn) })} ·{" "}
                {t("instructorValue", { name: g.instructor?.name ?? t("noInstructor") })}
              </p>
              {g.schedule ? <p className="text-sm whitespace-pre-line text-gray-700">{g.schedule}</p> : null}
              <div className="flex flex-wrap gap-4 text-sm">
                <Link href={`${base}/trainees?groupId=${g.id}`} className="underline">
                  {t("trainees", { count: g.trainees })}
                </Link>
                {status.canWrite ? (
                  <Link href={`${base}/groups/${g.id}`} className="underline" aria-label={t("editNamed", { name: g.name })}>
                    {t("edit")}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </EmployerShell>
  );
}
