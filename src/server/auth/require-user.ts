import "server-only";

import { headers } from "next/headers";

import { redirect } from "@/i18n/navigation";
import { safeCallbackPath } from "@/lib/safe-callback";
import type { SessionUser } from "@/server/services/auth/sessions";

import { getCurrentUser } from "./current-user";

/** The header in which the proxy passes a signed-in section's page its own path (see src/proxy.ts). */
export const REQUESTED_PATH_HEADER = "x-jumys-path";

/**
 * The signed-in person, for the pages and layouts of signed-in sections; a guest goes to sign-in
 * and comes back to the page they asked for.
 */
export async function requireUser(locale: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  return redirect({
    href: { pathname: "/auth/sign-in", query: { callbackUrl: safeCallbackPath(requested, "/account") } },
    locale,
  });
}
