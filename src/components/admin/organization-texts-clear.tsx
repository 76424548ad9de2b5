"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useNotice } from "@/components/ui/page-notice";
import { trpc } from "@/trpc/react";

/** The moderator looked at an organisation's flagged texts and found nothing to act on. */
export function OrganizationTextsClear({ organizationId, name }: { organizationId: number; name: string }) {
  const t = useTranslations("adminOrganizationTexts");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const clear = trpc.admin.organizationFlags.clear.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => errors.fromServer(error),
    onSuccess: () => {
      notice.show(t("cleared", { name }));
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Button type="button" variant="secondary" disabled={clear.isPending} onClick={() => clear.mutate({ organizationId })}>
        {t("clear")}
      </Button>
    </div>
  );
}
