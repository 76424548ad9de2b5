import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { MembersManager } from "@/components/employer/members-manager";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employer", "title", { index: false });

export default async function OrganizationMembersPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { user, organization: org, others, kind } = await loadDashboardOrganization(locale, orgId);
  const router = kind === "school" ? api.school.organization : api.employer.organization;
  const t = await getTranslations({ locale, namespace: "employer.members" });
  const isOwner = org.myRole === "OWNER";
  const [members, invitations] = await Promise.all([
    router.members({ organizationId: org.id }),
    isOwner ? router.invitations({ organizationId: org.id }) : Promise.resolve([]),
  ]);
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="members">
      <h2 className="text-xl font-semibold">{t("title")}</h2>
      <ClientMessages locale={locale} namespaces={["employer", "errors", "validation", "organizationRoles"]}>
        <MembersManager
          kind={kind}
          organizationId={org.id}
          isOwner={isOwner}
          members={members.map((m) => ({
            id: m.id,
            role: m.role,
            name: m.user.name,
            email: m.user.email,
            isMe: m.user.id === user.id,
          }))}
          invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt }))}
        />
      </ClientMessages>
    </EmployerShell>
  );
}
