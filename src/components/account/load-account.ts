import "server-only";

import { redirect } from "@/i18n/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { api } from "@/trpc/server";

/** The signed-in person and their account profile; guests go to sign-in and come back to `path`. */
export async function loadAccount(locale: string, path: string) {
  const user = await getCurrentUser();
  if (!user) return redirect({ href: { pathname: "/auth/sign-in", query: { callbackUrl: path } }, locale });
  const profile = await api.account.profile();
  return { user, profile };
}
