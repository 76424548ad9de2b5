import { redirect as nextRedirect } from "next/navigation";

import { localizedHref, type LocalizedHref } from "./localized-href";

// Localized navigation for server components and shared ones: plain Next.js underneath, so a page
// that uses them carries none of next-intl's client navigation. Client forms that need a router
// use "./client-navigation".

export { Link } from "./link";

/** Redirects (307) to a page of the site in `locale`. */
export function redirect({ href, locale }: { href: LocalizedHref; locale: string }): never {
  nextRedirect(localizedHref(href, locale));
}
