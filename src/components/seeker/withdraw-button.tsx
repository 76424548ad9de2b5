"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/** Takes an application back, or declines an invitation the employer sent (`invitation`). */
export function WithdrawButton({ applicationId, invitation = false }: { applicationId: number; invitation?: boolean }) {
  const t = useTranslations("myApplications");
  const router = useRouter();
  const errors = useFormErrors();
  const withdraw = trpc.seeker.applications.withdraw.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        disabled={withdraw.isPending}
        onClick={() => window.confirm(t(invitation ? "declineConfirm" : "withdrawConfirm")) && withdraw.mutate({ applicationId })}
      >
        {t(invitation ? "decline" : "withdraw")}
      </Button>
    </div>
  );
}
