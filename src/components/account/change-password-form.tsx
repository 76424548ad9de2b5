"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/validation/profile";
import { trpc } from "@/trpc/react";

/**
 * A new password, proven with the current one, or (for someone who no longer knows it, e.g.
 * after an intruder changed it) with a one-time code sent to the account's address.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account.changePassword");
  const errors = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [mode, setMode] = useState<"password" | "code">("password");
  const change = trpc.account.changePassword.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      formRef.current?.reset();
      setMode("password");
      sendCode.reset();
    },
  });
  const sendCode = trpc.account.sendReauthCode.useMutation({
    onError: errors.fromServer,
    // The code field is next: take the person there.
    onSuccess: () => requestAnimationFrame(() => document.getElementById("reauthCode")?.focus()),
  });

  function switchTo(next: "password" | "code") {
    errors.reset();
    change.reset();
    sendCode.reset();
    setMode(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    change.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(
      changePasswordSchema,
      mode === "code"
        ? { code: form.get("reauthCode") ?? "", newPassword: form.get("newPassword") }
        : { currentPassword: form.get("passwordCurrentPassword") ?? "", newPassword: form.get("newPassword") },
    );
    if (input) change.mutate(input);
  }

  const fe = errors.fieldErrors;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-gray-700">{t("intro")}</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {change.isSuccess ? <Alert tone="success">{t("done")}</Alert> : null}
      {mode === "password" ? (
        <>
          <Field
            id="passwordCurrentPassword"
            label={t("currentPassword")}
            type="password"
            autoComplete="current-password"
            required
            errors={fe.currentPassword}
          />
          <button type="button" onClick={() => switchTo("code")} className="self-start text-sm text-brand-700 underline">
            {t("forgot")}
          </button>
        </>
      ) : (
        <div className="flex flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3">
          <p className="text-sm break-words text-gray-800">{t("codeIntro", { email })}</p>
          {sendCode.isSuccess ? <Alert tone="info">{t("codeSent", { email })}</Alert> : null}
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            disabled={sendCode.isPending}
            onClick={() => {
              errors.reset();
              sendCode.mutate();
            }}
          >
            {sendCode.isPending ? t("sendingCode") : t("sendCode")}
          </Button>
          <Field
            id="reauthCode"
            label={t("code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            errors={fe.code}
          />
          <button type="button" onClick={() => switchTo("password")} className="self-start text-sm text-brand-700 underline">
            {t("usePassword")}
          </button>
        </div>
      )}
      <Field
        id="newPassword"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        hint={t("newPasswordHint")}
        errors={fe.newPassword}
      />
      <Button type="submit" disabled={change.isPending} className="self-start">
        {change.isPending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
