import "server-only";

import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";

import { getEnv } from "@/env";
import { resolveSession, type SessionUser } from "@/server/services/auth/sessions";

/** next-auth's session cookie: `__Secure-` prefixed on an https site, as next-auth names it. */
export function sessionCookieName(appUrl: string): string {
  return `${appUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The signed-in user for this request (checked against the sessions table), or null. The session
 * id is read from next-auth's encrypted token directly: the session object next-auth hands to page
 * scripts (/api/auth/session) does not carry it.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const env = getEnv();
  const raw = (await cookies()).get(sessionCookieName(env.APP_URL))?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.AUTH_SECRET }).catch(() => null);
  return resolveSession(typeof token?.sid === "string" ? token.sid : undefined);
});
