"use client";

import { ErrorPanel } from "@/components/error-panel";
import { useErrorTexts } from "@/components/error-texts";

/** A page that failed to render, in the page's language (see ErrorPanel). */
export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useErrorTexts();
  return <ErrorPanel texts={t} homeHref={t.homeHref} onRetry={retry} />;
}
