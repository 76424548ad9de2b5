import type { ReactNode } from "react";

import { ClientMessages } from "@/i18n/client-messages";
import { TRPCProvider } from "@/trpc/react";

/**
 * What the forms of a section (account, cabinets, dashboards, sign-in, apply) need in the
 * browser: the message catalogue's base namespaces and the tRPC client with React Query. Public
 * pages go without: their only client parts (the header's menu, the save button) take their texts
 * from the server and load the tRPC client only for a signed-in seeker.
 */
export function SectionProviders({ locale, children }: { locale: string; children: ReactNode }) {
  return (
    <ClientMessages locale={locale}>
      <TRPCProvider>{children}</TRPCProvider>
    </ClientMessages>
  );
}
