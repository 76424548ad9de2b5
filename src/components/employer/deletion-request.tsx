"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

/** The owner's request to the operator to delete the organisation (it cannot delete itself). */
export function DeletionRequest(props: { organizationId: number; requestedAt: Date | null; kind?: "employer" | "school" }) {
  const t = useTranslations("employer.deletion");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const requested = { onError: errors.fromServer, onSuccess: () => router.refresh() };
  const requestEmployer = trpc.employer.organization.requestDeletion.useMutation(requested);
  const requestSchool = trpc.school.organization.requestDeletion.useMutation(requested);
  const request = props.kind === "school" ? requestSchool : requestEmployer;
  const requestedAt = request.data?.deletionRequestedAt ?? props.requestedAt;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-gray-700">{t("text")}</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {requestedAt ? (
        <Alert tone="info">{t("requested", { date: formatDate(new Date(requestedAt), locale, "long") })}</Alert>
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          disabled={request.isPending}
          onClick={() => {
            if (window.confirm(t("confirm"))) request.mutate({ organizationId: props.organizationId });
          }}
        >
          {t("request")}
        </Button>
      )}
    </div>
  );
}
