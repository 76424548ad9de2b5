import "server-only";

import { headers } from "next/headers";

import { redirect } from "@/i18n/navigation";
import { legalAcceptHref } from "@/lib/legal-gate";
import { safeCallbackPath } from "@/lib/safe-callback";
import type { SessionUser } from "@/server/services/auth/sessions";

import { getCurrentUser } from "./current-user";

/** The header in which the proxy passes a signed-in section's page its own path (see src/proxy.ts). */
export const REQUESTED_PATH_HEADER = "x-jumys-path";

/**
 * The signed-in person, for the pages and layouts of signed-in sections; a guest goes to sign-in
 * and comes back to the page they asked for. Someone with a new version of the terms or the
 * privacy policy to accept goes to accept it first and then on to that page (cached public pages
 * do the same from the browser: LegalGate in the header); only the acceptance page itself passes
 * `beforeLegalAcceptance`.
 */
export async function requireUser(locale: string, options: { beforeLegalAcceptance?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  if (user) {
    if (user.legalPending && !options.beforeLegalAcceptance) return redirect({ href: legalAcceptHref(requested), locale });
    return user;
  }
  return redirect({
    href: { pathname: "/auth/sign-in", query: { callbackUrl: safeCallbackPath(requested, "/account") } },
    locale,
  });
}
