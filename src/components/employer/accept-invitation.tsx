"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

export function AcceptInvitation({ token }: { token: string }) {
  const t = useTranslations("invitation");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const accept = trpc.account.acceptInvitation.useMutation({
    onError: errors.fromServer,
    onSuccess: (joined) => router.push(`/${locale}/employer/${joined.organizationId}`),
  });
  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div aria-live="polite">{accept.isSuccess ? <Alert tone="success">{t("accepted")}</Alert> : null}</div>
      <Button
        type="button"
        className="self-start"
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ token })}
      >
        {t("accept")}
      </Button>
    </div>
  );
}
