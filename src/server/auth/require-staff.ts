import "server-only";

import { headers } from "next/headers";
import { notFound } from "next/navigation";

import type { StaffRole } from "@/generated/prisma/enums";
import { redirect } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { safeCallbackPath } from "@/lib/safe-callback";
import type { SessionUser } from "@/server/services/auth/sessions";
import { staffTotpState } from "@/server/services/auth/staff-totp";

import { requireUser, REQUESTED_PATH_HEADER } from "./require-user";
import { requireStaffRole } from "./guards";

/**
 * A staff member whose session has not passed the second factor goes to enrol (no factor yet)
 * or to the code prompt, and comes back to the page they asked for.
 */
export async function requireStaffSecondFactor(locale: string, user: SessionUser): Promise<void> {
  if (!user.staffRole || user.secondFactorPassed) return;
  const requested = safeCallbackPath((await headers()).get(REQUESTED_PATH_HEADER), "/admin");
  const state = await staffTotpState(user.id);
  redirect({
    href: {
      pathname: state === "enrolled" ? "/auth/second-factor" : "/auth/second-factor/enrol",
      query: { callbackUrl: requested },
    },
    locale,
  });
}

/**
 * For admin pages: guests go to sign-in, non-staff get a 404 (the console's existence is not
 * advertised), staff without the second factor in this session go to pass it.
 */
export async function requireStaff(locale: AppLocale, roles: StaffRole[]) {
  const user = await requireUser(locale);
  try {
    requireStaffRole(user, roles);
  } catch {
    notFound();
  }
  await requireStaffSecondFactor(locale, user);
  return user;
}
