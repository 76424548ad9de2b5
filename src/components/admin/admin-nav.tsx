import { getTranslations } from "next-intl/server";

import type { StaffRole } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { METRICS_STAFF_ROLES, QUEUE_ROLES, TICKET_STAFF_ROLES } from "@/lib/admin-queues";

const SECTIONS = [
  { key: "home", href: "/admin", roles: ["MODERATOR", "SUPPORT", "FINANCE"] },
  { key: "moderation", href: "/admin/moderation", roles: ["MODERATOR"] },
  { key: "resumes", href: "/admin/resumes", roles: QUEUE_ROLES.resumes },
  { key: "organizationTexts", href: "/admin/organization-texts", roles: QUEUE_ROLES.organizationTexts },
  { key: "words", href: "/admin/words", roles: QUEUE_ROLES.terms },
  { key: "organizations", href: "/admin/organizations", roles: ["MODERATOR", "SUPPORT"] },
  { key: "tickets", href: "/admin/tickets", roles: TICKET_STAFF_ROLES },
  { key: "blocks", href: "/admin/blocks", roles: ["MODERATOR", "SUPPORT"] },
  { key: "appeals", href: "/admin/appeals", roles: ["MODERATOR"] },
  { key: "emails", href: "/admin/emails", roles: ["SUPPORT"] },
  { key: "finance", href: "/admin/finance", roles: ["FINANCE"] },
  { key: "metrics", href: "/admin/metrics", roles: METRICS_STAFF_ROLES },
  { key: "staff", href: "/admin/staff", roles: [] },
  { key: "deletions", href: "/admin/deletions", roles: [] },
  { key: "audit", href: "/admin/audit", roles: [] },
  { key: "legal", href: "/admin/legal", roles: [] },
] as const;

/** The console's sections this staff member may open. */
export async function AdminNav({
  locale,
  role,
  current,
}: {
  locale: string;
  role: StaffRole;
  current: (typeof SECTIONS)[number]["key"];
}) {
  const t = await getTranslations({ locale, namespace: "adminNav" });
  const visible = SECTIONS.filter((s) => role === "SUPERADMIN" || (s.roles as readonly string[]).includes(role));
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-1 border-b border-gray-200">
      {visible.map((s) => (
        <Link
          key={s.key}
          href={s.href}
          aria-current={s.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 ${s.key === current ? "border-brand-700 font-semibold" : "border-transparent text-gray-700"}`}
        >
          {t(s.key)}
        </Link>
      ))}
    </nav>
  );
}
