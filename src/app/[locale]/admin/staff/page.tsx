import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { StaffRoleForm } from "@/components/admin/staff-role-form";
import { StaffTotpResetForm } from "@/components/admin/staff-totp-reset-form";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Staff and their roles, changed by a superadmin. */
export default async function AdminStaffPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminStaff" });
  const staff = await api.admin.staff.list();
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="staff" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <div tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700">
        <table className="w-full min-w-[28rem] text-left text-sm" data-testid="staff">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="py-2 pr-3">
                {t("name")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("email")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("role")}
              </th>
              <th scope="col" className="py-2">
                {t("secondFactor")}
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className="border-b border-gray-100">
                <td className="py-2 pr-3">{member.name}</td>
                <td className="py-2 pr-3 break-all">{member.email}</td>
                <td className="py-2 pr-3">
                  {t(`roles.${member.staffRole ?? "SUPERADMIN"}`)}
                  {member.blockedAt ? ` · ${t("blocked")}` : ""}
                </td>
                <td className="py-2">{member.staffTotp?.confirmedAt ? t("factorOn") : t("factorOff")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ClientMessages locale={locale} namespaces={["adminStaff", "errors", "validation"]}>
        <StaffRoleForm />
        <StaffTotpResetForm />
      </ClientMessages>
    </div>
  );
}
