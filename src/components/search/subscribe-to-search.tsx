"use client";

import type { AbstractIntlMessages } from "next-intl";
import dynamic from "next/dynamic";
import NextLink from "next/link";
import { useId, useRef, useState } from "react";

import { useViewer } from "@/components/viewer/viewer-store";
import { localizedHref } from "@/i18n/localized-href";

// The form, its translations and the tRPC client it needs are loaded when a seeker opens it, not
// with the page: the button's own texts come from the server as props.
const SubscribeForm = dynamic(() => import("./subscribe-form").then((m) => m.SubscribeForm), {
  ssr: false,
  loading: () => <p role="status" className="text-sm text-gray-700" />,
});

export interface SubscribeLabels {
  subscribe: string;
  signInToSubscribe: string;
  seekersOnly: string;
}

/**
 * "Subscribe to this search" under the results. Guests are sent to sign in and back to the same
 * search; seekers name the subscription (a summary of the search by default) and pick how often.
 */
export function SubscribeToSearch({
  query,
  defaultName,
  searchHref,
  locale,
  labels,
  formMessages,
}: {
  /** The search's criteria as the search page writes them (no page, sort or period). */
  query: string;
  defaultName: string;
  /** This page's own address, to come back to after signing in. */
  searchHref: string;
  locale: string;
  labels: SubscribeLabels;
  /** Catalogue namespaces the form uses once opened. */
  formMessages: AbstractIntlMessages;
}) {
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);

  if (viewer.status === "loading") return <div aria-hidden className="h-10" />;
  if (!viewer.viewer) {
    return (
      // Plain next/link with the locale given: the localized Link reads the locale from next-intl,
      // whose client runtime this page does not otherwise need.
      <NextLink
        href={localizedHref({ pathname: "/auth/sign-in", query: { callbackUrl: searchHref } }, locale)}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        data-testid="subscribe-sign-in"
      >
        <BellIcon />
        {labels.signInToSubscribe}
      </NextLink>
    );
  }
  if (!viewer.viewer.isSeeker) return <p className="text-sm text-gray-700">{labels.seekersOnly}</p>;

  const form = (
    <SubscribeForm
      locale={locale}
      messages={formMessages}
      created={created}
      query={query}
      defaultName={defaultName}
      onCreated={setCreated}
      onCancel={() => {
        setOpen(false);
        opener.current?.focus();
      }}
    />
  );
  if (created !== null) return form;

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
        {labels.subscribe}
      </button>
      <div id={formId} hidden={!open}>
        {open ? form : null}
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
