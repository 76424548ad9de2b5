"use client";

import { useEffect, useRef } from "react";

import { useErrorTexts } from "@/components/error-texts";

/**
 * A page that failed to render, in the page's language: the way back is a retry that renders the
 * page again on the server, or the home page. Focus moves to the heading so that a screen reader
 * announces what happened and a keyboard user starts from there.
 */
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useErrorTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-md text-center">
      <h1 ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold outline-none">
        {t.title}
      </h1>
      <p className="mb-6 text-gray-700">{t.text}</p>
      <div className="flex flex-wrap items-center justify-center gap-4">
        <button
          type="button"
          onClick={retry}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t.retry}
        </button>
        <a href={t.homeHref} className="text-brand-700 underline">
          {t.home}
        </a>
      </div>
    </div>
  );
}
