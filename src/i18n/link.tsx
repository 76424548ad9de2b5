import { useLocale } from "next-intl";
import NextLink from "next/link";
import type { ComponentProps } from "react";

import { localizedHref, type LocalizedHref } from "./localized-href";

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: LocalizedHref; locale?: string };

/**
 * A link to a page of the site in the current language (or `locale`). Unlike next-intl's own Link
 * it is not a client component: in a server component it renders plain next/link, so public
 * pages need no translation runtime in the browser for their links.
 */
export function Link({ href, locale, ...rest }: Props) {
  const current = useLocale();
  return <NextLink href={localizedHref(href, locale ?? current)} {...rest} />;
}
