import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** `generateMetadata` for a page whose title is one catalogue message; private pages are not indexed. */
export function titleMetadata(namespace: string, key: string, options: { index: boolean }) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { title: t(key), ...(options.index ? {} : { robots: { index: false, follow: true } }) };
  };
}
