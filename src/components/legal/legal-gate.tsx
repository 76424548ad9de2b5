"use client";

import { useEffect } from "react";

import { legalAcceptHref, legalGateExempt } from "@/lib/legal-gate";

import { useViewer } from "../viewer/viewer-store";

/**
 * Cached public pages do not know who looks at them: when the viewer turns out to have a new
 * version of the terms to accept, the browser goes to the acceptance page, which returns here.
 * Pages of signed-in sections redirect on the server already (requireUser).
 */
export function LegalGate({ locale }: { locale: string }) {
  const state = useViewer();
  const pending = state.status === "ready" && state.viewer?.legalPending === true;
  useEffect(() => {
    if (!pending) return;
    const here = window.location.pathname.replace(/^\/(ru|kk)(?=\/|$)/, "") || "/";
    if (legalGateExempt(here)) return;
    const { pathname, query } = legalAcceptHref(`${here}${window.location.search}`);
    window.location.replace(`/${locale}${pathname}?next=${encodeURIComponent(query.next)}`);
  }, [pending, locale]);
  return null;
}
