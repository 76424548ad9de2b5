import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

export default function NotFound() {
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
