import "server-only";

import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";

import { NON_HIRING_ROLES } from "@/lib/org-roles";
import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

/**
 * The organisation of a dashboard page, through the same access checks as the API: guests go to
 * sign-in; anyone who is not a member (or names a missing id) gets a 404. Employers and driving
 * schools share the dashboard; each is read through its own router, so `kind` tells which. Read
 * once per request (the layout and the page both ask).
 */
export const loadDashboardOrganization = cache(async (locale: string, rawId: string) => {
  const user = await requireUser(locale);
  const organizationId = /^\d{1,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(organizationId) || organizationId <= 0) notFound();
  try {
    const [employers, schools] = await Promise.all([api.employer.organization.mine(), api.school.organization.mine()]);
    const kind = schools.some((m) => m.organization.id === organizationId) ? ("school" as const) : ("employer" as const);
    const organization = await (kind === "school" ? api.school.organization : api.employer.organization).get({
      organizationId,
    });
    const others = [...employers, ...schools].filter((m) => m.organization.id !== organizationId).map((m) => m.organization);
    return { user, organization, others, kind };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
});

/**
 * The organisation of a hiring page (vacancies, applicants, resumes): as above, and a 404 for a
 * role that takes no part in hiring (a school's instructor), whom the API refuses too (HIRING_RULE).
 */
export async function loadHiringOrganization(locale: string, rawId: string) {
  const loaded = await loadDashboardOrganization(locale, rawId);
  if (NON_HIRING_ROLES.includes(loaded.organization.myRole)) notFound();
  return loaded;
}
