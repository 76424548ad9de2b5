import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";

export type AccountSection = "overview" | "profile" | "security" | "data";

const SECTIONS: { key: AccountSection; href: string }[] = [
  { key: "overview", href: "/account" },
  { key: "profile", href: "/account/profile" },
  { key: "security", href: "/account/security" },
  { key: "data", href: "/account/data" },
];

/** The account's sections as tabs; they scroll sideways on a narrow screen. */
export async function AccountNav({ locale, current }: { locale: string; current: AccountSection }) {
  const t = await getTranslations({ locale, namespace: "account.nav" });
  return (
    <nav aria-label={t("label")} className="flex gap-1 overflow-x-auto border-b border-gray-200">
      {SECTIONS.map((section) => (
        <Link
          key={section.key}
          href={section.href}
          aria-current={current === section.key ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 whitespace-nowrap ${current === section.key ? "border-brand-700 font-semibold" : "border-transparent text-gray-700"}`}
        >
          {t(section.key)}
        </Link>
      ))}
    </nav>
  );
}
