import "server-only";

import { notFound } from "next/navigation";

import type { StaffRole } from "@/generated/prisma/enums";
import { redirect } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";

import { getCurrentUser } from "./current-user";
import { requireStaffRole } from "./guards";

/** For admin pages: guests go to sign-in, non-staff get a 404 (the console's existence is not advertised). */
export async function requireStaff(locale: AppLocale, roles: StaffRole[], path: string) {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: { pathname: "/auth/sign-in", query: { callbackUrl: path } }, locale });
  try {
    requireStaffRole(user, roles);
  } catch {
    notFound();
  }
  return user;
}
