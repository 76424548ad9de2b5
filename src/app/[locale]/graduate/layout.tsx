import type { ReactNode } from "react";

import { SectionProviders } from "@/components/section-providers";

export default async function SectionLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return <SectionProviders locale={locale}>{children}</SectionProviders>;
}
