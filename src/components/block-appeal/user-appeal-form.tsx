"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { userAppealSchema } from "@/lib/validation/blocks";
import { trpc } from "@/trpc/react";

/** The appeal form behind a block email's link; the link is spent when the appeal is sent. */
export function UserAppealForm({ token }: { token: string }) {
  const t = useTranslations("blockAppeal");
  const errors = useFormErrors();
  const [sent, setSent] = useState(false);
  const submit = trpc.public.appeal.submit.useMutation({ onError: errors.fromServer, onSuccess: () => setSent(true) });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(userAppealSchema, { token, text: form.get("appeal-text") });
    if (input) submit.mutate(input);
  }
  if (sent) {
    return (
      <div aria-live="polite">
        <Alert tone="success">{t("sent")}</Alert>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField id="appeal-text" label={t("textLabel")} rows={5} maxLength={4000} errors={errors.fieldErrors.text} />
      <Button type="submit" disabled={submit.isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
