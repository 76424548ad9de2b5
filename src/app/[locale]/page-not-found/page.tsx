import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { NotFoundContent } from "@/components/not-found-content";

// Reached only through the proxy, which sends addresses that name no page here with status 404:
// a page rendered on the server in its language (Next's own not-found answer for a page that
// calls notFound() is an empty shell the browser fills in). Next adds `noindex` for the status.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "notFound" });
  return { title: t("title") };
}

export default async function PageNotFound({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotFoundContent />;
}
