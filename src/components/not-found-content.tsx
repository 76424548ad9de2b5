import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** What a missing page says, in the page's language. */
export function NotFoundContent() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-md text-center">
      <h1 className="mb-3 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-gray-700">{t("text")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("home")}
      </Link>
    </div>
  );
}
