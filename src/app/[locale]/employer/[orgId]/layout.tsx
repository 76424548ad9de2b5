import type { ReactNode } from "react";

import { loadDashboardOrganization } from "@/components/employer/load-organization";

/**
 * Whether the caller may see this organisation's dashboard is decided here, before the pages'
 * loading state streams: a non-member gets the 404 status, not a 200 with a not-found page.
 */
export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string; orgId: string }>;
}) {
  const { locale, orgId } = await params;
  await loadDashboardOrganization(locale, orgId);
  return children;
}
