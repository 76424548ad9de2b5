import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";

import type { AppRouter } from "@/server/api/root";

/**
 * The tRPC client without React Query, for the few calls public pages make for a signed-in
 * person (the saved-vacancy list). Pages import it lazily, so guests never download it.
 */
export const vanillaTrpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/api/trpc",
      transformer: superjson,
      // Errors come back translated into the page's language.
      headers: () => ({ "x-jumys-locale": document.documentElement.lang || "ru" }),
    }),
  ],
});
