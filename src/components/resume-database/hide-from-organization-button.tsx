"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/** One click: the seeker's resumes shown to all employers stop being shown to this organisation. */
export function HideFromOrganizationButton({
  organizationId,
  organizationName,
}: {
  organizationId: number;
  organizationName: string;
}) {
  const t = useTranslations("resumeDatabase.views");
  const router = useRouter();
  const errors = useFormErrors();
  const hide = trpc.seeker.resumes.hideFromOrganization.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-2">
      <div aria-live="polite">{errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}</div>
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        disabled={hide.isPending}
        aria-label={`${t("hide")}: ${organizationName}`}
        onClick={() => {
          errors.reset();
          hide.mutate({ organizationId });
        }}
      >
        {t("hide")}
      </Button>
    </div>
  );
}
