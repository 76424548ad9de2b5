"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { COMPLAINT_MESSAGE_MAX, COMPLAINT_REASONS, complaintSchema, guestComplaintSchema } from "@/lib/validation/complaint";
import { trpc } from "@/trpc/react";

/**
 * A complaint about one vacancy. Guests leave an email for the answer; a signed-in author is
 * answered at the account's email, so the form does not ask for it.
 */
export function ComplaintForm({
  vacancyId,
  vacancyHref,
  accountEmail,
}: {
  vacancyId: number;
  vacancyHref: string;
  accountEmail: string | null;
}) {
  const t = useTranslations("complaint");
  const locale = useLocale();
  const errors = useFormErrors();
  const send = trpc.public.vacancies.complain.useMutation({ onError: errors.fromServer });
  const guest = accountEmail === null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = form.get(key);
      return typeof value === "string" ? value : undefined;
    };
    const input = errors.validate(guest ? guestComplaintSchema : complaintSchema, {
      vacancyId,
      reason: text("reason"),
      message: text("message"),
      name: text("name"),
      email: text("email"),
      locale,
    });
    if (input) send.mutate(input);
  }

  if (send.isSuccess) {
    return (
      // Focused when it replaces the form, so keyboard and screen-reader users land on the answer.
      <div ref={(node) => node?.focus()} tabIndex={-1} className="flex flex-col items-start gap-3 outline-none">
        <Alert tone="success">{t("sent", { id: send.data.id })}</Alert>
        <Link href={vacancyHref} className="font-medium text-brand-800 underline underline-offset-2">
          {t("backToVacancy")}
        </Link>
      </div>
    );
  }

  const reasonErrors = errors.fieldErrors.reason;
  const messageErrors = errors.fieldErrors.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby={reasonErrors?.length ? "reason-error" : undefined}>
        <legend className="mb-1 text-sm font-medium text-gray-800">{t("reason")}</legend>
        {COMPLAINT_REASONS.map((reason) => (
          <label
            key={reason}
            className="flex cursor-pointer items-start gap-3 rounded-md border border-gray-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name="reason" value={reason} required className="mt-1 h-4 w-4 shrink-0" />
            <span className="text-gray-900">{t(`reasons.${reason}`)}</span>
          </label>
        ))}
        {reasonErrors?.length ? (
          <p id="reason-error" className="text-sm text-red-700">
            {reasonErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        id="message"
        label={t("message")}
        hint={t("messageHint")}
        rows={6}
        maxLength={COMPLAINT_MESSAGE_MAX}
        required
        errors={messageErrors}
      />
      {guest ? (
        <>
          <Field id="name" label={t("name")} autoComplete="name" maxLength={120} errors={errors.fieldErrors.name} />
          <Field
            id="email"
            label={t("email")}
            type="email"
            autoComplete="email"
            required
            hint={t("emailHint")}
            errors={errors.fieldErrors.email}
          />
        </>
      ) : (
        <p className="text-sm text-gray-700">{t("signedInAs", { email: accountEmail })}</p>
      )}
      <Button type="submit" disabled={send.isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
