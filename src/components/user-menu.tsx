"use client";

import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import { trpc } from "@/trpc/react";

import { SignOutButton } from "./sign-out-button";

/**
 * The sign-in state is fetched by the browser, so the pages around it stay cacheable for
 * everyone (search engines and guests get the same HTML as signed-in users).
 */
export function UserMenu() {
  const t = useTranslations("layout");
  const viewer = trpc.public.viewer.useQuery(undefined, { staleTime: 60_000, retry: false });

  if (viewer.isPending) return <span aria-hidden className="inline-block h-8 w-40" />;
  const user = viewer.data;
  if (!user) {
    return (
      <>
        <Link href="/auth/sign-in" className="text-gray-900 hover:underline">
          {t("signIn")}
        </Link>
        <Link href="/auth/sign-up" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">
          {t("signUp")}
        </Link>
      </>
    );
  }
  return (
    <>
      <Link href="/account" className="font-medium text-gray-900 underline-offset-2 hover:underline" data-testid="current-user">
        {user.name}
      </Link>
      {user.staffRole && user.staffRole !== "FINANCE" ? (
        <Link
          href={
            user.staffRole === "SUPPORT"
              ? "/admin/emails"
              : user.staffRole === "MODERATOR"
                ? "/admin/moderation"
                : "/admin/organizations"
          }
          className="text-gray-800 hover:underline"
        >
          {t("admin")}
        </Link>
      ) : null}
      {user.isSeeker ? (
        <>
          <Link href="/seeker/resumes" className="text-gray-800 hover:underline">
            {t("resumes")}
          </Link>
          <Link href="/seeker/applications" className="text-gray-800 hover:underline">
            {t("applications")}
          </Link>
          <Link href="/seeker/subscriptions" className="text-gray-800 hover:underline">
            {t("subscriptions")}
          </Link>
        </>
      ) : null}
      {!user.isSeeker && !user.staffRole ? (
        <Link href="/employer" className="text-gray-800 hover:underline">
          {t("employer")}
        </Link>
      ) : null}
      <SignOutButton label={t("signOut")} />
    </>
  );
}
