import type { ReactNode } from "react";

import { SectionProviders } from "@/components/section-providers";
import { requireUser } from "@/server/auth/require-user";

/** Signed-in only: the one guard of the section (a guest goes to sign-in and comes back). */
export default async function SignedInLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireUser(locale);
  return <SectionProviders locale={locale}>{children}</SectionProviders>;
}
