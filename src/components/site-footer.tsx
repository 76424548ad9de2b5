import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { SCHOOLS_PATH } from "@/lib/urls";

export async function SiteFooter({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <footer className="border-t border-gray-200 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-3 px-4 py-6 text-sm text-gray-700 sm:flex-row sm:items-center sm:justify-between">
        <p>
          © {new Date().getFullYear()} Jumys · {t("tagline")}
        </p>
        <nav aria-label={t("footerNav")}>
          <ul className="flex flex-wrap gap-4">
            <li>
              <Link href={SCHOOLS_PATH} className="hover:underline">
                {t("schools")}
              </Link>
            </li>
            <li>
              <Link href="/prices" className="hover:underline">
                {t("prices")}
              </Link>
            </li>
            <li>
              <Link href="/terms" className="hover:underline">
                {t("terms")}
              </Link>
            </li>
            <li>
              <Link href="/privacy" className="hover:underline">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/feedback" className="hover:underline">
                {t("feedback")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
