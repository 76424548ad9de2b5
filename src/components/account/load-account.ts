import "server-only";

import { requireUser } from "@/server/auth/require-user";
import { api } from "@/trpc/server";

/** The signed-in person and their account profile; guests go to sign-in and come back. */
export async function loadAccount(locale: string, options: { beforeLegalAcceptance?: boolean } = {}) {
  const user = await requireUser(locale, options);
  const profile = await api.account.profile();
  return { user, profile };
}
