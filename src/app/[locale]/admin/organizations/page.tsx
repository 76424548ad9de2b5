import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { VerificationQueue } from "@/components/admin/verification-queue";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";
import { AdminNav } from "@/components/admin/admin-nav";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminOrganizationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR", "SUPPORT"]);
  const t = await getTranslations({ locale, namespace: "adminOrganizations" });
  const queue = await api.admin.organizations.toVerify();
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="organizations" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ClientMessages locale={locale} namespaces={["adminOrganizations", "employer", "errors", "validation"]}>
        <VerificationQueue
          items={queue.map((org) => ({
            id: org.id,
            type: org.type,
            legalName: org.legalName,
            displayName: org.displayName,
            identifier: org.bin ?? org.iin,
            contacts: [org.email, org.phone, org.website].filter(Boolean).join(" · "),
            city: [org.city ? localName(org.city, locale) : null, org.address].filter(Boolean).join(", ") || null,
            educationLicence: org.educationLicence,
            owners: org.memberships.map((m) => `${m.user.name} <${m.user.email}>`).join(", "),
            createdAt: org.createdAt,
          }))}
        />
      </ClientMessages>
    </div>
  );
}
