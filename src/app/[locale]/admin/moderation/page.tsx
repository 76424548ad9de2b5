import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ModerationQueue } from "@/components/admin/moderation-queue";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { sanitizeRichText } from "@/lib/sanitize-html";
import { requireStaff } from "@/server/auth/require-staff";
import { AdminNav } from "@/components/admin/admin-nav";
import { specializationGroups } from "@/server/services/catalog/catalog";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminModerationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR"]);
  const t = await getTranslations({ locale, namespace: "adminModeration" });
  const queue = await api.admin.moderation.queue();
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="moderation" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ClientMessages
        locale={locale}
        namespaces={["adminModeration", "publicationTypes", "moderationFlags", "errors", "validation"]}
      >
        <ModerationQueue
          groups={await specializationGroups(locale)}
          items={queue.map((v) => ({
            id: v.id,
            title: v.title,
            descriptionHtml: sanitizeRichText(v.description),
            organization: v.organization.displayName,
            organizationVerified: v.organization.verification === "VERIFIED",
            city: localName(v.city, locale),
            specializations: v.specializations.map((s) => localName(s.specialization, locale)).join(", "),
            specializationIds: v.specializations.map((s) => s.specialization.id),
            publicationType: v.publicationType,
            companyDescription: v.companyDescription,
            flags: v.moderationFlags,
            submittedAt: v.submittedAt,
          }))}
        />
      </ClientMessages>
    </div>
  );
}
