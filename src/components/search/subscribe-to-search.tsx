"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";

import { useViewer } from "@/components/viewer/viewer-store";
import { Link } from "@/i18n/navigation";

// The form and the tRPC client it needs are loaded when a seeker opens it, not with the page.
const SubscribeForm = dynamic(() => import("./subscribe-form").then((m) => m.SubscribeForm), {
  ssr: false,
  loading: () => <p role="status" className="text-sm text-gray-700" />,
});

/**
 * "Subscribe to this search" under the results. Guests are sent to sign in and back to the same
 * search; seekers name the subscription (a summary of the search by default) and pick how often.
 */
export function SubscribeToSearch({
  query,
  defaultName,
  searchHref,
}: {
  /** The search's criteria as the search page writes them (no page, sort or period). */
  query: string;
  defaultName: string;
  /** This page's own address, to come back to after signing in. */
  searchHref: string;
}) {
  const t = useTranslations("subscriptions");
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // The form goes away on success: the confirmation takes the focus so it is read out.
  useEffect(() => {
    if (created !== null) confirmation.current?.focus();
  }, [created]);

  if (viewer.status === "loading") return <div aria-hidden className="h-10" />;
  if (!viewer.viewer) {
    return (
      <Link
        href={{ pathname: "/auth/sign-in", query: { callbackUrl: searchHref } }}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        data-testid="subscribe-sign-in"
      >
        <BellIcon />
        {t("signInToSubscribe")}
      </Link>
    );
  }
  if (!viewer.viewer.isSeeker) return <p className="text-sm text-gray-700">{t("seekersOnly")}</p>;

  if (created !== null) {
    return (
      <div
        role="status"
        tabIndex={-1}
        ref={confirmation}
        className="flex flex-col items-start gap-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 outline-none sm:flex-row sm:items-center sm:gap-4"
      >
        <p>{t("created", { name: created })}</p>
        <Link href="/seeker/subscriptions" className="font-medium underline underline-offset-2">
          {t("manage")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
      >
        <BellIcon />
        {t("subscribe")}
      </button>
      <div id={formId} hidden={!open}>
        {open ? (
          <SubscribeForm
            query={query}
            defaultName={defaultName}
            onCreated={setCreated}
            onCancel={() => {
              setOpen(false);
              opener.current?.focus();
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
