import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AcceptLegalButton } from "@/components/legal/accept-legal-button";
import { SectionProviders } from "@/components/section-providers";
import { ClientMessages } from "@/i18n/client-messages";
import { Link, redirect } from "@/i18n/navigation";
import { localizedHref } from "@/i18n/localized-href";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { legalAcceptHref } from "@/lib/legal-gate";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in person.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * Where a signed-in person lands when a new version of the terms or the privacy policy was
 * published since they last accepted: what changed, and the button that accepts it and goes on
 * to the page they were going to (`next`, a page of this site only).
 */
export default async function LegalAcceptPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale, { beforeLegalAcceptance: true });
  const next = legalAcceptHref((await searchParams).next).query.next;
  const pending = await api.account.pendingLegal();
  if (pending.length === 0) redirect({ href: next, locale });
  const t = await getTranslations({ locale });
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("legalAccept.title")}</h1>
      <p className="text-gray-700">{t("legalAccept.intro")}</p>
      <ul className="flex flex-col gap-3" data-testid="pending-legal">
        {pending.map((doc) => {
          const kindPath = doc.kind === "TERMS" ? "/terms" : "/privacy";
          return (
            <li key={doc.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4">
              <h2 className="text-lg font-semibold">{locale === "kk" ? doc.titleKk : doc.titleRu}</h2>
              <p className="text-sm text-gray-700">
                {t("legal.version", { version: doc.version })}
                {doc.publishedAt ? ` · ${t("legal.publishedAt", { date: formatDate(doc.publishedAt, locale, "long") })}` : ""}
              </p>
              <p className="flex flex-wrap gap-4">
                <Link href={kindPath} className="text-brand-700 underline">
                  {t("legalAccept.read", { version: doc.version })}
                </Link>
                {doc.acceptedVersion ? (
                  <Link
                    href={{ pathname: "/legal/diff", query: { kind: doc.kind, from: doc.acceptedVersion, to: doc.version } }}
                    className="text-brand-700 underline"
                  >
                    {t("legalAccept.changes", { version: doc.acceptedVersion })}
                  </Link>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
      <SectionProviders locale={locale}>
        <ClientMessages locale={locale} namespaces={["legalAccept", "errors"]}>
          <AcceptLegalButton documentIds={pending.map((d) => d.id)} next={localizedHref(next, locale as AppLocale)} />
        </ClientMessages>
      </SectionProviders>
      <p className="text-sm text-gray-700">
        {t("legalAccept.decline")}{" "}
        <Link href="/account/data" className="text-brand-700 underline">
          {t("legalAccept.declineLink")}
        </Link>
      </p>
    </div>
  );
}
