"use client";

import { useTranslations } from "next-intl";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/**
 * Accepts the versions shown and goes on to the page the person was going to. A full page load:
 * every page rendered before accepting would redirect here again.
 */
export function AcceptLegalButton({ documentIds, next }: { documentIds: number[]; next: string }) {
  const t = useTranslations("legalAccept");
  const errors = useFormErrors();
  const accept = trpc.account.acceptLegal.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: () => window.location.assign(next),
  });
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Button
        type="button"
        className="self-start"
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ documentIds })}
      >
        {t("accept")}
      </Button>
    </div>
  );
}
