"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { emailSchema } from "@/lib/validation/auth";
import { trpc } from "@/trpc/react";

import { useFormErrors } from "./use-form-errors";

/** `callbackPath`: the page the person signed up from, which the new link returns to as the first one did. */
export function ResendVerificationForm({ email, callbackPath }: { email?: string; callbackPath?: string }) {
  const t = useTranslations("auth.verify");
  const locale = useLocale();
  const errors = useFormErrors();
  const resend = trpc.public.auth.resendVerification.useMutation({ onError: errors.fromServer });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(z.object({ email: emailSchema }), { email: new FormData(event.currentTarget).get("email") });
    if (input) resend.mutate({ email: input.email, locale: locale === "kk" ? "kk" : "ru", callbackUrl: callbackPath });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {resend.isSuccess ? <Alert tone="success">{t("resent")}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        defaultValue={email}
        required
        errors={errors.fieldErrors.email}
      />
      <Button type="submit" variant="secondary" disabled={resend.isPending}>
        {t("resend")}
      </Button>
    </form>
  );
}
