"use client";

import Link from "next/link";

import { SignOutButton } from "./sign-out-button";
import { useViewer } from "./viewer/viewer-store";

export interface UserMenuLabels {
  signIn: string;
  signUp: string;
  signOut: string;
  admin: string;
  resumes: string;
  applications: string;
  subscriptions: string;
  employer: string;
}

/**
 * The sign-in state is fetched by the browser, so the pages around it stay cacheable for
 * everyone (search engines and guests get the same HTML as signed-in users). Its texts come from
 * the server, so public pages carry no message catalogue for it.
 */
export function UserMenu({ locale, labels }: { locale: string; labels: UserMenuLabels }) {
  const state = useViewer();
  const href = (path: string) => `/${locale}${path}`;

  if (state.status === "loading") return <span aria-hidden className="inline-block h-8 w-40" />;
  const user = state.viewer;
  if (!user) {
    return (
      <>
        <Link href={href("/auth/sign-in")} className="text-gray-900 hover:underline">
          {labels.signIn}
        </Link>
        <Link
          href={href("/auth/sign-up")}
          className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
        >
          {labels.signUp}
        </Link>
      </>
    );
  }
  const adminHome =
    user.staffRole === "SUPPORT"
      ? "/admin/emails"
      : user.staffRole === "MODERATOR"
        ? "/admin/moderation"
        : "/admin/organizations";
  return (
    <>
      <Link
        href={href("/account")}
        className="font-medium text-gray-900 underline-offset-2 hover:underline"
        data-testid="current-user"
      >
        {user.name}
      </Link>
      {user.staffRole && user.staffRole !== "FINANCE" ? (
        <Link href={href(adminHome)} className="text-gray-800 hover:underline">
          {labels.admin}
        </Link>
      ) : null}
      {user.isSeeker ? (
        <>
          <Link href={href("/seeker/resumes")} className="text-gray-800 hover:underline">
            {labels.resumes}
          </Link>
          <Link href={href("/seeker/applications")} className="text-gray-800 hover:underline">
            {labels.applications}
          </Link>
          <Link href={href("/seeker/subscriptions")} className="text-gray-800 hover:underline">
            {labels.subscriptions}
          </Link>
        </>
      ) : null}
      {!user.isSeeker && !user.staffRole ? (
        <Link href={href("/employer")} className="text-gray-800 hover:underline">
          {labels.employer}
        </Link>
      ) : null}
      <SignOutButton label={labels.signOut} locale={locale} />
    </>
  );
}
