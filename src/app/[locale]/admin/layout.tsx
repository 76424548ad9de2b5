import type { ReactNode } from "react";

import { SectionProviders } from "@/components/section-providers";
import { requireStaffSecondFactor } from "@/server/auth/require-staff";
import { requireUser } from "@/server/auth/require-user";

/**
 * Signed-in only (a guest goes to sign-in and comes back); a staff member renders nothing of the
 * console before passing the second factor in this session. Each page checks its roles itself.
 */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await requireUser(locale);
  await requireStaffSecondFactor(locale, user);
  return <SectionProviders locale={locale}>{children}</SectionProviders>;
}
