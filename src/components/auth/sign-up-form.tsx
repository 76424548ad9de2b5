"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/i18n/client-navigation";
import { Link } from "@/i18n/navigation";
import { signUpSchema } from "@/lib/validation/auth";
import { trpc } from "@/trpc/react";

import { useFormErrors } from "./use-form-errors";

export function SignUpForm({ callbackPath }: { callbackPath?: string }) {
  const t = useTranslations("auth.signUp");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [accountType, setAccountType] = useState<"seeker" | "employer">("seeker");
  const signUp = trpc.public.auth.signUp.useMutation({
    onSuccess: (data) =>
      router.push({
        pathname: "/auth/verify-email",
        query: {
          email: data.email,
          sent: data.verificationEmailSent ? "1" : "0",
          ...(callbackPath ? { callbackUrl: callbackPath } : {}),
        },
      }),
    onError: errors.fromServer,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(signUpSchema, {
      accountType,
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
      phone: form.get("phone") ?? "",
      adult: form.get("adult") === "on",
      acceptTerms: form.get("acceptTerms") === "on",
      marketing: form.get("marketing") === "on",
      locale,
      callbackUrl: callbackPath,
    });
    if (input) signUp.mutate(input);
  }

  const fe = errors.fieldErrors;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby={errors.formError ? "sign-up-error" : undefined}
    >
      {errors.formError ? (
        <div id="sign-up-error">
          <Alert tone="error">{errors.formError}</Alert>
        </div>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-gray-800">{t("accountType")}</legend>
        {(["seeker", "employer"] as const).map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="accountType"
              value={type}
              checked={accountType === type}
              onChange={() => setAccountType(type)}
            />
            {t(`accountTypes.${type}`)}
          </label>
        ))}
      </fieldset>
      <Field id="name" label={t("name")} autoComplete="name" required errors={fe.name} />
      <Field id="email" label={t("email")} type="email" autoComplete="email" required errors={fe.email} />
      <Field
        id="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint")}
        errors={fe.password}
      />
      <Field
        id="phone"
        label={t("phone")}
        type="tel"
        autoComplete="tel"
        placeholder="+7 701 123 45 67"
        hint={t("phoneHint")}
        errors={fe.phone}
      />
      <CheckboxField id="adult" label={t("adult")} required errors={fe.adult} />
      <CheckboxField
        id="acceptTerms"
        required
        errors={fe.acceptTerms}
        label={t.rich("acceptTerms", {
          terms: (chunks) => (
            <Link href="/terms" className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
          privacy: (chunks) => (
            <Link href="/privacy" className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      />
      <CheckboxField id="marketing" label={t("marketing")} />
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-sm text-gray-700">
        {t("haveAccount")}{" "}
        <Link
          href={{ pathname: "/auth/sign-in", query: callbackPath ? { callbackUrl: callbackPath } : {} }}
          className="text-brand-700 underline"
        >
          {t("signInLink")}
        </Link>
      </p>
    </form>
  );
}
