import { getTranslations, setRequestLocale } from "next-intl/server";

import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in user.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employer", "title", { index: false });

export default async function EmployerHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "employer" });
  const tRoles = await getTranslations({ locale, namespace: "organizationRoles" });
  const mine = (await Promise.all([api.employer.organization.mine(), api.school.organization.mine()])).flat();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("intro")}</p>
      <section aria-labelledby="orgs-heading" className="flex flex-col gap-3">
        <h2 id="orgs-heading" className="text-lg font-semibold">
          {t("myOrganizations")}
        </h2>
        {mine.length === 0 ? <p className="text-gray-700">{t("none")}</p> : null}
        <ul className="flex flex-col gap-3">
          {mine.map(({ role, organization }) => (
            <li key={organization.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4">
              <Link href={`/employer/${organization.id}`} className="text-lg font-medium text-brand-800 underline">
                {organization.displayName}
              </Link>
              <p className="text-sm text-gray-700">
                {t(`types.${organization.type as "EMPLOYER"}`)} · {t("role", { role: tRoles(role) })}
              </p>
              <p className="text-sm text-gray-700">{t(`verification.${organization.verification}`)}</p>
            </li>
          ))}
        </ul>
        <Link
          href="/employer/new"
          className="self-start rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t("register")}
        </Link>
      </section>
      <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("dataNotice")}</p>
    </div>
  );
}
