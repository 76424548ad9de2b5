import { TRPCError } from "@trpc/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadSchool, positiveId } from "@/components/school/load-school";
import { TraineeForm } from "@/components/school/trainee-form";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";
import { formatKzMobile } from "@/lib/validation/phone";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "trainee.editTitle", { index: false });

export default async function EditTraineePage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; traineeId: string }>;
}) {
  const { locale, orgId, traineeId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  const id = positiveId(traineeId);
  if (!status.canWrite || id === undefined) notFound();
  const t = await getTranslations({ locale, namespace: "schoolRegistry.trainee" });
  const [trainee, groups] = await Promise.all([
    api.school.trainees.get({ organizationId: org.id, traineeId: id }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    }),
    api.school.groups.list({ organizationId: org.id }),
  ]);
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="trainees">
      <h2 className="text-xl font-semibold break-words">{t("editNamed", { name: trainee.fullName })}</h2>
      <ClientMessages locale={locale} namespaces={["schoolRegistry", "errors", "validation"]}>
        <TraineeForm
          organizationId={org.id}
          traineeId={trainee.id}
          groups={groups}
          values={{
            fullName: trainee.fullName,
            iin: trainee.iin,
            birthDate: trainee.birthDate,
            sex: trainee.sex,
            phone: trainee.phone ? formatKzMobile(trainee.phone) : null,
            email: trainee.email,
            category: trainee.category,
            groupId: trainee.group?.id ?? null,
            guardian: trainee.guardian,
          }}
        />
      </ClientMessages>
    </EmployerShell>
  );
}
