import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { resolveSession, type SessionUser } from "@/server/services/auth/sessions";

import { authOptions } from "./auth-options";

/** The signed-in user for this request (checked against the sessions table), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  return resolveSession(session?.sid);
});
