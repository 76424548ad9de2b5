"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { feedbackSchema } from "@/lib/validation/feedback";
import { trpc } from "@/trpc/react";

export function FeedbackForm({ defaults }: { defaults: { name?: string; email?: string } }) {
  const t = useTranslations("feedback");
  const locale = useLocale();
  const errors = useFormErrors();
  const send = trpc.public.sendFeedback.useMutation({ onError: errors.fromServer });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(feedbackSchema, {
      name: form.get("name"),
      email: form.get("email"),
      message: form.get("message"),
      locale,
    });
    if (input) send.mutate(input, { onSuccess: () => (event.target as HTMLFormElement).reset() });
  }

  const messageErrors = errors.fieldErrors.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {send.isSuccess ? <Alert tone="success">{t("sent", { id: send.data.id })}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="name"
        label={t("name")}
        autoComplete="name"
        defaultValue={defaults.name}
        required
        errors={errors.fieldErrors.name}
      />
      <Field
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        defaultValue={defaults.email}
        required
        errors={errors.fieldErrors.email}
      />
      <TextAreaField id="message" label={t("message")} rows={6} maxLength={5000} required errors={messageErrors} />
      <Button type="submit" disabled={send.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
