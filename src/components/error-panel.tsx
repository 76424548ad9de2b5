"use client";

import { useEffect, useRef } from "react";

/**
 * What a failed page shows: what happened, a retry that renders the page again on the server, and
 * the way home. Focus moves to the heading so that a screen reader announces it and a keyboard
 * user starts from there.
 */
export function ErrorPanel(props: {
  texts: { title: string; text: string; retry: string; home: string };
  homeHref: string;
  onRetry: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="mx-auto max-w-md text-center">
      <h1 ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold outline-none">
        {props.texts.title}
      </h1>
      <p className="mb-6 text-gray-700">{props.texts.text}</p>
      <div className="flex flex-wrap items-center justify-center gap-4">
        <button
          type="button"
          onClick={props.onRetry}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {props.texts.retry}
        </button>
        <a href={props.homeHref} className="text-brand-700 underline">
          {props.texts.home}
        </a>
      </div>
    </div>
  );
}
