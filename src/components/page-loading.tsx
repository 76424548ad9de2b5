import { useTranslations } from "next-intl";

/**
 * What a dashboard shows while the next page's data loads (the section's loading.tsx): a polite
 * status for screen readers and a skeleton that keeps the layout from jumping.
 */
export function PageLoading() {
  const t = useTranslations("layout");
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="h-8 w-2/3 max-w-sm animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
      <div aria-hidden="true" className="h-24 animate-pulse rounded bg-gray-200 motion-reduce:animate-none" />
    </div>
  );
}
