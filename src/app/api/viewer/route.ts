import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { withDatabaseUnavailable } from "@/server/db-unavailable";

// GET: who is signed in, for the header of cached public pages (which read no cookies). The same
// answer as the `public.viewer` procedure, through it, without the tRPC client in the page's
// JavaScript. Never cached: it depends on the session cookie.

export const dynamic = "force-dynamic";

export const GET = withDatabaseUnavailable(async () => {
  const viewer = await createCaller(createContext({ user: await getCurrentUser() })).public.viewer();
  return Response.json({ viewer }, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
});
