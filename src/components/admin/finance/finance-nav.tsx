import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";

const TABS = [
  { key: "orders", href: "/admin/finance" },
  { key: "payments", href: "/admin/finance/payments" },
  { key: "tariffs", href: "/admin/finance/tariffs" },
  { key: "revenue", href: "/admin/finance/revenue" },
] as const;

/** The finance console's own sections. */
export async function FinanceNav({ locale, current }: { locale: string; current?: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations({ locale, namespace: "finance.nav" });
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-2 text-sm">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-1 ${tab.key === current ? "bg-brand-700 text-white" : "border border-gray-300 text-gray-900"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
