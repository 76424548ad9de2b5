"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshViewer } from "@/components/viewer/viewer-store";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/i18n/client-navigation";
import { decodeAuthError } from "@/lib/auth-error";
import { codeSchema, emailSchema } from "@/lib/validation/auth";
import { trpc } from "@/trpc/react";

import { useFormErrors } from "./use-form-errors";

/** Two steps: ask for a code by email, then type it in. */
export function CodeSignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth.code");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [email, setEmail] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const request = trpc.public.auth.requestSignInCode.useMutation({ onError: errors.fromServer });

  function onRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(z.object({ email: emailSchema }), { email: new FormData(event.currentTarget).get("email") });
    if (!input) return;
    request.mutate({ email: input.email, locale: locale === "kk" ? "kk" : "ru" }, { onSuccess: () => setEmail(input.email) });
  }

  async function onVerify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(z.object({ code: codeSchema }), { code: new FormData(event.currentTarget).get("code") });
    if (!input || !email) return;
    setPending(true);
    const result = await signIn("code", { email, code: input.code, redirect: false });
    setPending(false);
    if (!result || result.error) {
      const { key, params } = decodeAuthError(result?.error, "errors.auth.codeInvalid");
      errors.fromKey(key, params);
      return;
    }
    // The header's sign-in state is a client query: refresh it along with the server components.
    await refreshViewer();
    router.replace(callbackPath);
    router.refresh();
  }

  if (!email) {
    return (
      <form onSubmit={onRequest} noValidate className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <Field id="email" label={t("email")} type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
        <Button type="submit" disabled={request.isPending}>
          {request.isPending ? t("sending") : t("send")}
        </Button>
      </form>
    );
  }
  return (
    <form onSubmit={onVerify} noValidate className="flex flex-col gap-4">
      <Alert tone="info">{t("sent", { email })}</Alert>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="code"
        label={t("code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="\d{6}"
        required
        errors={errors.fieldErrors.code}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setEmail(null)}>
        {t("otherEmail")}
      </Button>
    </form>
  );
}
