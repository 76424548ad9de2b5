"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/** The lifecycle buttons that fit the vacancy's status. */
export function VacancyActions(props: {
  organizationId: number;
  vacancyId: number;
  status: string;
  publicUrl: string | null;
  /** Never published: a draft, or returned by the moderator before its first publication. */
  deletable: boolean;
}) {
  const t = useTranslations("employerVacancies.actions");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  // Without a paid publication of the vacancy's type: the way to buy one, next to the message.
  const [needsCredit, setNeedsCredit] = useState(false);
  const onError = (error: Parameters<typeof errors.fromServer>[0]) => {
    errors.fromServer(error);
    setNeedsCredit((error.data as { messageKey?: string | null } | undefined)?.messageKey === "errors.billing.noCredit");
  };
  const options = { onError, onSuccess: () => router.refresh() };
  const submit = trpc.employer.vacancies.submit.useMutation(options);
  const archive = trpc.employer.vacancies.archive.useMutation(options);
  const republish = trpc.employer.vacancies.republish.useMutation(options);
  const remove = trpc.employer.vacancies.deleteDraft.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.push(`/${locale}/employer/${props.organizationId}/vacancies`),
  });
  const ids = { organizationId: props.organizationId, vacancyId: props.vacancyId };
  const busy = submit.isPending || archive.isPending || republish.isPending || remove.isPending;
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? (
        <Alert tone="error">
          {errors.formError}
          {needsCredit ? (
            <>
              {" "}
              <a href={`/${locale}/employer/${props.organizationId}/billing`} className="font-medium underline">
                {t("buyCredits")}
              </a>
            </>
          ) : null}
        </Alert>
      ) : null}
      <div aria-live="polite">{submit.isSuccess ? <Alert tone="success">{t("submitted")}</Alert> : null}</div>
      <div className="flex flex-wrap gap-2">
        {props.status === "DRAFT" || props.status === "RETURNED" ? (
          <Button type="button" disabled={busy} onClick={() => submit.mutate(ids)}>
            {t("submit")}
          </Button>
        ) : null}
        {props.status === "PUBLISHED" ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => window.confirm(t("archiveConfirm")) && archive.mutate(ids)}
          >
            {t("archive")}
          </Button>
        ) : null}
        {props.status === "ARCHIVED" ? (
          <Button type="button" disabled={busy} onClick={() => republish.mutate(ids)}>
            {t("republish")}
          </Button>
        ) : null}
        {props.deletable ? (
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() =>
              window.confirm(t(props.status === "RETURNED" ? "deleteReturnedConfirm" : "deleteConfirm")) && remove.mutate(ids)
            }
          >
            {t(props.status === "RETURNED" ? "deleteReturned" : "delete")}
          </Button>
        ) : null}
        {props.publicUrl ? (
          <a href={props.publicUrl} className="rounded-md border border-gray-400 px-4 py-2 font-medium">
            {t("view")}
          </a>
        ) : null}
      </div>
    </div>
  );
}
