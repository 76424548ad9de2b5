import { getTranslations, setRequestLocale } from "next-intl/server";

import { WithdrawButton } from "@/components/seeker/withdraw-button";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { vacancyPath } from "@/lib/urls";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";
import { formatDate } from "@/lib/format";

// Never cached: the signed-in seeker's own data.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("myApplications", "title", { index: false });

export default async function MyApplicationsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "myApplications" });
  const tStatus = await getTranslations({ locale, namespace: "applicationStatus" });
  const tVacancy = await getTranslations({ locale, namespace: "vacancy" });
  const applications = user.isSeeker ? await api.seeker.applications.list() : [];
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {applications.length === 0 ? (
        <p className="text-gray-700">
          {t("empty")}{" "}
          <Link href="/vacancies" className="underline">
            {t("find")}
          </Link>
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {applications.map((a) => {
          const invitation = a.origin === "EMPLOYER";
          return (
            <li
              key={a.id}
              className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4"
              data-testid={invitation ? "invitation" : undefined}
            >
              {invitation ? (
                <p className="self-start rounded-md border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-sm font-medium text-emerald-900">
                  {t("invitation")}
                </p>
              ) : null}
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link
                  href={vacancyPath(a.vacancy.id, a.vacancy.slug)}
                  className="text-lg font-medium break-words text-brand-800 underline"
                >
                  {a.vacancy.title}
                </Link>
                <span
                  className={`rounded-full px-2 py-0.5 text-sm font-medium ${a.status === "INVITED" ? "bg-green-100 text-green-900" : a.status === "REJECTED" ? "bg-gray-200 text-gray-800" : "bg-sky-100 text-sky-900"}`}
                >
                  {invitation && a.status === "WITHDRAWN" ? t("declined") : tStatus(a.status)}
                </span>
              </div>
              <p className="text-sm text-gray-700">
                {a.vacancy.publicationType === "ANONYMOUS" ? tVacancy("anonymousCompany") : a.vacancy.organization.displayName} ·{" "}
                {t(invitation ? "invitedOn" : "sentOn", { date: formatDate(a.createdAt, locale, "medium") })} ·{" "}
                {a.resume ? t("resume", { title: a.resume.title }) : t("noResume")}
              </p>
              {a.deliveryFailed ? <Alert tone="info">{t("deliveryFailed")}</Alert> : null}
              {a.messages.length ? (
                <section className="flex flex-col gap-1">
                  <h2 className="text-sm font-semibold">{t("answers")}</h2>
                  {a.messages.map((m) => (
                    <p key={m.id} className="rounded-md bg-gray-100 p-2 text-sm whitespace-pre-line">
                      {m.body}
                    </p>
                  ))}
                </section>
              ) : null}
              {a.status === "SENT" || a.status === "VIEWED" || (invitation && a.status === "INVITED") ? (
                <ClientMessages locale={locale} namespaces={["myApplications", "errors"]}>
                  <WithdrawButton applicationId={a.id} invitation={invitation} />
                </ClientMessages>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
