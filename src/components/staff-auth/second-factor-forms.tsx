"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/validation/staff";
import { trpc } from "@/trpc/react";

/** After passing the factor the console renders anew from the server, at the page asked for. */
function continueTo(path: string) {
  window.location.assign(path);
}

function CodeField({ errors }: { errors?: string[] }) {
  const t = useTranslations("staffTotp");
  return (
    <Field
      id="totp-code"
      name="code"
      label={t("code")}
      hint={t("codeHint")}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      errors={errors}
    />
  );
}

/** Enrolment: show the QR code and the secret as text, confirm with a first code, then the recovery codes once. */
export function EnrolForm({ continuePath }: { continuePath: string }) {
  const t = useTranslations("staffTotp");
  const errors = useFormErrors();
  const start = trpc.staffAuth.startEnrolment.useMutation({ onError: errors.fromServer });
  const confirm = trpc.staffAuth.confirmEnrolment.useMutation({ onError: errors.fromServer });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(totpCodeSchema, { code: new FormData(event.currentTarget).get("code") });
    if (input) confirm.mutate(input, { onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) });
  }

  if (recoveryCodes) {
    return (
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        <Alert tone="success">{t("enrolled")}</Alert>
        <h2 id="recovery-title" className="text-xl font-semibold">
          {t("recoveryTitle")}
        </h2>
        <p className="text-sm text-gray-700">{t("recoveryHint")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-base" data-testid="recovery-codes">
          {recoveryCodes.map((code) => (
            <li key={code} className="rounded border border-gray-300 px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <Button type="button" onClick={() => continueTo(continuePath)}>
          {t("savedContinue")}
        </Button>
      </section>
    );
  }

  if (!start.data) {
    return (
      <div className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <Button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {t("start")}
        </Button>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-gray-800">
        <li>{t("stepScan")}</li>
        <li>{t("stepCode")}</li>
      </ol>
      <div
        role="img"
        aria-label={t("qrLabel")}
        className="mx-auto w-56 max-w-full bg-white [&>svg]:h-auto [&>svg]:w-full"
        // The SVG is generated on the server by the qrcode library from the otpauth URI.
        dangerouslySetInnerHTML={{ __html: start.data.qrSvg }}
      />
      <div className="flex flex-col gap-1">
        <p className="text-sm text-gray-700" id="totp-secret-label">
          {t("manualEntry")}
        </p>
        <code aria-labelledby="totp-secret-label" data-testid="totp-secret" className="font-mono text-base break-all">
          {start.data.secret}
        </code>
      </div>
      <form onSubmit={onConfirm} noValidate className="flex flex-col gap-4">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        <CodeField errors={errors.fieldErrors.code} />
        <Button type="submit" disabled={confirm.isPending}>
          {t("confirm")}
        </Button>
      </form>
    </div>
  );
}

/** The code asked once per session; a recovery code instead when the phone is lost. */
export function VerifyForm({ continuePath }: { continuePath: string }) {
  const t = useTranslations("staffTotp");
  const errors = useFormErrors();
  const [withRecovery, setWithRecovery] = useState(false);
  const verify = trpc.staffAuth.verify.useMutation({ onError: errors.fromServer, onSuccess: () => continueTo(continuePath) });
  const recovery = trpc.staffAuth.useRecoveryCode.useMutation({
    onError: errors.fromServer,
    onSuccess: () => continueTo(continuePath),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const code = new FormData(event.currentTarget).get("code");
    if (withRecovery) {
      const input = errors.validate(recoveryCodeSchema, { code });
      if (input) recovery.mutate(input);
    } else {
      const input = errors.validate(totpCodeSchema, { code });
      if (input) verify.mutate(input);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" key={withRecovery ? "recovery" : "totp"}>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {withRecovery ? (
        <Field
          id="recovery-code"
          name="code"
          label={t("recoveryCode")}
          autoComplete="off"
          maxLength={20}
          required
          errors={errors.fieldErrors.code}
        />
      ) : (
        <CodeField errors={errors.fieldErrors.code} />
      )}
      <Button type="submit" disabled={verify.isPending || recovery.isPending}>
        {t("verify")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          errors.reset();
          setWithRecovery(!withRecovery);
        }}
      >
        {withRecovery ? t("useApp") : t("useRecovery")}
      </Button>
    </form>
  );
}
