import "server-only";

import { notFound } from "next/navigation";

import { redirect } from "@/i18n/navigation";
import { safeCallbackPath } from "@/lib/safe-callback";
import { requireUser } from "@/server/auth/require-user";
import { staffTotpState, type StaffTotpState } from "@/server/services/auth/staff-totp";

/**
 * Who may open the second-factor pages: a signed-in staff member whose session has not passed it
 * yet (others get a 404; one who passed goes on). The page that fits the state is `expected`:
 * the code prompt for an enrolled member, enrolment otherwise.
 */
export async function secondFactorPage(
  locale: string,
  callbackUrl: string | string[] | undefined,
  expected: "verify" | "enrol",
): Promise<{ continuePath: string; state: StaffTotpState }> {
  const user = await requireUser(locale);
  if (!user.staffRole) notFound();
  const continuePath = safeCallbackPath(callbackUrl, "/admin");
  if (user.secondFactorPassed) redirect({ href: continuePath, locale });
  const state = await staffTotpState(user.id);
  const fits = expected === "verify" ? state === "enrolled" : state !== "enrolled";
  if (!fits) {
    redirect({
      href: {
        pathname: expected === "verify" ? "/auth/second-factor/enrol" : "/auth/second-factor",
        query: { callbackUrl: continuePath },
      },
      locale,
    });
  }
  return { continuePath, state };
}
