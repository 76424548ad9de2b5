import "server-only";

import { notFound } from "next/navigation";

import type { StaffRole } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";

import { requireUser } from "./require-user";
import { requireStaffRole } from "./guards";

/** For admin pages: guests go to sign-in, non-staff get a 404 (the console's existence is not advertised). */
export async function requireStaff(locale: AppLocale, roles: StaffRole[]) {
  const user = await requireUser(locale);
  try {
    requireStaffRole(user, roles);
  } catch {
    notFound();
  }
  return user;
}
