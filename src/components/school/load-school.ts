import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { api } from "@/trpc/server";

/**
 * A driving school's dashboard page: the organisation as every dashboard page loads it, and what
 * the member may do in the registry now. Another kind of organisation gets a 404.
 */
export const loadSchool = cache(async (locale: string, rawId: string) => {
  const loaded = await loadDashboardOrganization(locale, rawId);
  if (loaded.kind !== "school") notFound();
  const status = await api.school.status({ organizationId: loaded.organization.id });
  return { ...loaded, status };
});

/** A positive id from a URL's text, or undefined. */
export const positiveId = (value: unknown): number | undefined =>
  typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
