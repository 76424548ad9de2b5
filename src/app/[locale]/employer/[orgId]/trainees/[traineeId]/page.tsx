import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool, positiveId } from "@/components/school/load-school";
import { StatusChangeForm } from "@/components/school/status-change-form";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDay } from "@/lib/schools/calendar-day";
import { nextStatuses } from "@/lib/schools/trainee-rules";
import { api } from "@/trpc/server";
import { formatKzMobile } from "@/lib/validation/phone";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "trainee.title", { index: false });

export default async function TraineePage({ params }: { params: Promise<{ locale: string; orgId: string; traineeId: string }> }) {
  const { locale, orgId, traineeId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  const id = positiveId(traineeId);
  if (id === undefined) notFound();
  const t = await getTranslations({ locale, namespace: "schoolRegistry.trainee" });
  const tStatus = await getTranslations({ locale, namespace: "school.status" });
  const tSex = await getTranslations({ locale, namespace: "schoolRegistry.sex" });
  const trainee = await api.school.trainees.get({ organizationId: org.id, traineeId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const base = `/employer/${org.id}`;
  const next = nextStatuses(trainee.status);
  const rows: [string, string][] = [
    [t("iin"), trainee.iin],
    [t("birthDate"), formatDay(trainee.birthDate)],
    [t("sex"), tSex(trainee.sex)],
    [t("phone"), trainee.phone ? formatKzMobile(trainee.phone) : "—"],
    [t("email"), trainee.email ?? "—"],
    [t("category"), trainee.category],
    [t("group"), trainee.group?.name ?? t("noGroup")],
    [t("currentStatus"), tStatus(trainee.status)],
    ...(trainee.certificate
      ? ([
          [
            t("certificate"),
            t("certificateValue", { number: trainee.certificate.number, date: formatDay(trainee.certificate.date) }),
          ],
        ] as [string, string][])
      : []),
    ...(trainee.guardian
      ? ([
          [
            t("guardian"),
            t("guardianValue", {
              name: trainee.guardian.name,
              relation: trainee.guardian.relation,
              date: formatDay(trainee.guardian.consentOn),
            }),
          ],
        ] as [string, string][])
      : []),
  ];
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="trainees">
      <p className="text-sm">
        <Link href={`${base}/trainees`} className="underline">
          {t("back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold break-words">{trainee.fullName}</h2>
        {status.canWrite ? (
          <Link href={`${base}/trainees/${trainee.id}/edit`} className="underline">
            {t("edit")}
          </Link>
        ) : null}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-md border border-gray-200 bg-white p-4 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm font-medium text-gray-700">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h3 id="history-heading" className="text-lg font-semibold">
          {t("history")}
        </h3>
        <ol className="flex flex-col gap-2">
          {trainee.history.map((change, i) => (
            <li key={i} className="rounded-md border border-gray-200 bg-white p-3">
              <p>
                <span className="font-medium">{formatDay(change.effectiveOn)}</span> — {tStatus(change.status)}
              </p>
              {change.note ? <p className="text-sm break-words text-gray-700">{change.note}</p> : null}
              {change.changedBy ? <p className="text-xs text-gray-600">{t("changedBy", { name: change.changedBy })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      {status.canWrite && next.length > 0 ? (
        <section aria-labelledby="status-heading" className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
          <h3 id="status-heading" className="text-lg font-semibold">
            {t("changeStatus")}
          </h3>
          <ClientMessages locale={locale} namespaces={["schoolRegistry", "school", "errors", "validation"]}>
            <StatusChangeForm organizationId={org.id} traineeId={trainee.id} next={next} />
          </ClientMessages>
        </section>
      ) : null}
    </EmployerShell>
  );
}
