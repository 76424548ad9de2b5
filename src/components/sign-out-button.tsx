"use client";

/** Signs out and goes to the home page; next-auth's client is loaded only when it is pressed. */
export function SignOutButton({ label, locale }: { label: string; locale: string }) {
  async function signOutNow() {
    const { signOut } = await import("next-auth/react");
    await signOut({ callbackUrl: `/${locale}` });
  }
  return (
    <button type="button" onClick={() => void signOutNow()} className="text-gray-800 hover:underline">
      {label}
    </button>
  );
}
