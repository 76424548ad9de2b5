"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshViewer } from "@/components/viewer/viewer-store";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/i18n/client-navigation";
import { Link } from "@/i18n/navigation";
import { decodeAuthError } from "@/lib/auth-error";
import { emailSchema } from "@/lib/validation/auth";

import { useFormErrors } from "./use-form-errors";

const schema = z.object({ email: emailSchema, password: z.string().min(1, "validation.required") });

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const errors = useFormErrors();
  const [pending, setPending] = useState(false);
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setUnverifiedEmail(null);
    const form = new FormData(event.currentTarget);
    const input = errors.validate(schema, { email: form.get("email"), password: form.get("password") });
    if (!input) return;
    setPending(true);
    const result = await signIn("password", { ...input, redirect: false });
    setPending(false);
    if (!result || result.error) {
      const { key, params } = decodeAuthError(result?.error, "errors.auth.invalidCredentials");
      if (key === "errors.auth.emailNotVerified") setUnverifiedEmail(input.email);
      errors.fromKey(key, params);
      return;
    }
    // The header's sign-in state is a client query: refresh it along with the server components.
    await refreshViewer();
    router.replace(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.formError ? (
        <Alert tone="error">
          {errors.formError}
          {unverifiedEmail ? (
            <>
              {" "}
              <Link href={{ pathname: "/auth/verify-email", query: { email: unverifiedEmail } }} className="underline">
                {t("resendVerification")}
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <Field id="email" label={t("email")} type="email" autoComplete="email" required errors={errors.fieldErrors.email} />
      <Field
        id="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        errors={errors.fieldErrors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
