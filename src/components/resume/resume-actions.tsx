"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

const linkButton = "rounded-md border border-gray-400 bg-white px-4 py-2 text-base font-medium text-gray-900 hover:bg-gray-50";

/** Edit, print, PDF, copy and delete for one of the seeker's resumes. */
export function ResumeActions({ resumeId, title }: { resumeId: number; title: string }) {
  const t = useTranslations("resumes.actions");
  const locale = useLocale();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const duplicate = trpc.seeker.resumes.duplicate.useMutation({
    onSuccess: (copy) => router.push(`/${locale}/seeker/resumes/${copy.id}`),
    onError: (e) => setError(e.message),
  });
  const remove = trpc.seeker.resumes.delete.useMutation({
    onSuccess: () => {
      router.push(`/${locale}/seeker/resumes?deleted=1`);
      router.refresh();
    },
    onError: (e) => setError(e.message),
  });
  return (
    <div className="print-hidden flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <a
          href={`/${locale}/seeker/resumes/${resumeId}/edit`}
          className="rounded-md bg-brand-700 px-4 py-2 text-base font-medium text-white hover:bg-brand-800"
        >
          {t("edit")}
        </a>
        <Button type="button" variant="secondary" onClick={() => window.print()}>
          {t("print")}
        </Button>
        <a href={`/api/resumes/${resumeId}/pdf?locale=${locale}`} className={linkButton} download>
          {t("pdf")}
        </a>
        <Button
          type="button"
          variant="secondary"
          disabled={duplicate.isPending}
          onClick={() => duplicate.mutate({ resumeId, copySuffix: t("copySuffix") })}
        >
          {t("duplicate")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-expanded={confirming}>
          {t("delete")}
        </Button>
      </div>
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`delete-${resumeId}`}
          className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3"
        >
          <p id={`delete-${resumeId}`} className="text-sm text-red-900">
            {t("confirmDelete", { title })}
          </p>
          <div className="flex gap-2">
            <Button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ resumeId })} autoFocus>
              {t("confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
