"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/** Starts the next version of a kind as a draft (a copy of the newest) and opens it for editing. */
export function NewLegalDraftButton({ kind, locale }: { kind: "TERMS" | "PRIVACY"; locale: string }) {
  const t = useTranslations("adminLegal");
  const router = useRouter();
  const errors = useFormErrors();
  const create = trpc.admin.legal.createDraft.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: (draft) => router.push(`/${locale}/admin/legal/${draft.id}/edit`),
  });
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Button type="button" className="self-start" disabled={create.isPending} onClick={() => create.mutate({ kind })}>
        {t(`newDraft.${kind}`)}
      </Button>
    </div>
  );
}

/** Publishes a draft after a confirmation: it binds every user from their next request. */
export function PublishLegalButton({ id, locale }: { id: number; locale: string }) {
  const t = useTranslations("adminLegal");
  const router = useRouter();
  const errors = useFormErrors();
  const publish = trpc.admin.legal.publish.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: () => {
      router.push(`/${locale}/admin/legal?published=${id}`);
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <p className="text-sm text-gray-700">{t("publishHint")}</p>
      <Button
        type="button"
        className="self-start"
        disabled={publish.isPending}
        onClick={() => {
          if (window.confirm(t("publishConfirm"))) publish.mutate({ id });
        }}
      >
        {t("publish")}
      </Button>
    </div>
  );
}
