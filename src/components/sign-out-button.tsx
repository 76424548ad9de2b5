"use client";

import { signOut } from "next-auth/react";
import { useLocale } from "next-intl";

export function SignOutButton({ label }: { label: string }) {
  const locale = useLocale();
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: `/${locale}` })} className="text-gray-800 hover:underline">
      {label}
    </button>
  );
}
