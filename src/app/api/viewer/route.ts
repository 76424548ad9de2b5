import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";

// GET: who is signed in, for the header of cached public pages (which read no cookies). The same
// answer as the `public.viewer` procedure, through it, without the tRPC client in the page's
// JavaScript. Never cached: it depends on the session cookie.

export const dynamic = "force-dynamic";

export async function GET() {
  const viewer = await createCaller(createContext({ user: await getCurrentUser() })).public.viewer();
  return Response.json({ viewer }, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
}
