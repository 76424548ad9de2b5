"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/i18n/client-navigation";
import { requestEmailChangeSchema } from "@/lib/validation/profile";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

/** Asks for a new address and the current password; the link goes to the new address. */
export function ChangeEmailForm(props: { currentEmail: string; pending: { email: string; expiresAt: Date } | null }) {
  const t = useTranslations("account.changeEmail");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const request = trpc.account.requestEmailChange.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      formRef.current?.reset();
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    request.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(requestEmailChangeSchema, {
      newEmail: form.get("newEmail"),
      currentPassword: form.get("emailCurrentPassword"),
    });
    if (input) request.mutate(input);
  }

  const fe = errors.fieldErrors;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="change-email-heading">
      <h2 id="change-email-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm break-words text-gray-800">{t("current", { email: props.currentEmail })}</p>
      {props.pending && !request.isSuccess ? (
        <Alert tone="info">
          {t("pending", {
            email: props.pending.email,
            date: formatDate(new Date(props.pending.expiresAt), locale, "long", { time: true }),
          })}
        </Alert>
      ) : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {request.isSuccess ? <Alert tone="success">{t("sent", { email: request.data.email })}</Alert> : null}
      <Field
        id="newEmail"
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        hint={t("newEmailHint")}
        errors={fe.newEmail}
      />
      <Field
        id="emailCurrentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        errors={fe.currentPassword}
      />
      <Button type="submit" disabled={request.isPending} className="self-start">
        {request.isPending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
