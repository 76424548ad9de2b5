import { ClientMessages } from "@/i18n/client-messages";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { ComplaintForm } from "@/components/vacancy/complaint-form";
import { Link, redirect } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { parseIdSlug, vacancyPath } from "@/lib/urls";
import { getCurrentUser } from "@/server/auth/current-user";
import { loadVacancyCards } from "@/server/services/search/vacancy-cards";

// Never cached: the vacancy may have been withdrawn since, and the form depends on who is signed in.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("complaint", "title", { index: false });

export default async function VacancyComplaintPage({ params }: { params: Promise<{ locale: string; idSlug: string }> }) {
  const { locale, idSlug } = await params;
  setRequestLocale(locale);
  const parsed = parseIdSlug(idSlug);
  if (!parsed) notFound();
  const [vacancy] = await loadVacancyCards([parsed.id]);
  if (!vacancy) notFound();
  const vacancyHref = vacancyPath(vacancy.id, vacancy.slug);
  if (parsed.slug !== vacancy.slug) redirect({ href: `${vacancyHref}/complaint`, locale });

  const t = await getTranslations({ locale, namespace: "complaint" });
  const user = await getCurrentUser();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <p>
        <Link href={vacancyHref} className="text-sm text-brand-800 underline underline-offset-2">
          <span aria-hidden="true">← </span>
          {t("backToVacancy")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-800">
        {t.rich("about", {
          title: vacancy.title,
          link: (chunks) => (
            <Link
              href={vacancyHref}
              lang={vacancy.language}
              className="font-semibold text-brand-800 underline underline-offset-2"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
      <p className="text-gray-700">{t("intro")}</p>
      <ClientMessages locale={locale} namespaces={["complaint", "errors", "validation"]}>
        <ComplaintForm vacancyId={vacancy.id} vacancyHref={vacancyHref} accountEmail={user?.email ?? null} />
      </ClientMessages>
    </div>
  );
}
