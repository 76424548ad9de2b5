import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";

import { EmployerShell } from "@/components/employer/employer-shell";
import { GroupForm } from "@/components/school/group-form";
import { loadSchool, positiveId } from "@/components/school/load-school";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("schoolRegistry", "groups.editTitle", { index: false });

export default async function EditSchoolGroupPage({
  params,
}: {
  params: Promise<{ locale: string; orgId: string; groupId: string }>;
}) {
  const { locale, orgId, groupId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, status } = await loadSchool(locale, orgId);
  const id = positiveId(groupId);
  if (!status.canWrite || id === undefined) notFound();
  const t = await getTranslations({ locale, namespace: "schoolRegistry.groups" });
  const [groups, instructors] = await Promise.all([
    api.school.groups.list({ organizationId: org.id }),
    api.school.groups.instructors({ organizationId: org.id }),
  ]);
  const group = groups.find((g) => g.id === id);
  if (!group) notFound();
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="groups">
      <h2 className="text-xl font-semibold break-words">{t("editNamed", { name: group.name })}</h2>
      <ClientMessages locale={locale} namespaces={["schoolRegistry", "errors", "validation"]}>
        <GroupForm
          organizationId={org.id}
          groupId={group.id}
          instructors={instructors}
          values={{
            name: group.name,
            category: group.category,
            startsOn: group.startsOn,
            endsOn: group.endsOn,
            instructorId: group.instructor?.membershipId ?? null,
            schedule: group.schedule,
          }}
        />
      </ClientMessages>
    </EmployerShell>
  );
}
