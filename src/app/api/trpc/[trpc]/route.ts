import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { appRouter } from "@/server/api/root";
import { createContext, responseMeta } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { requestMeta } from "@/server/request-meta";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContext({
        user: await getCurrentUser(),
        ...requestMeta(req.headers),
        locale: req.headers.get("x-jumys-locale"),
      }),
    // Retry-After while the database is unavailable (those calls answer 503).
    responseMeta,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
