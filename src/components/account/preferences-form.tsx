"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { useRouter } from "@/i18n/client-navigation";
import { preferencesSchema } from "@/lib/validation/profile";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

export interface PreferenceValues {
  isSeeker: boolean;
  notifyApplicationUpdates: boolean;
  notifyDigests: boolean;
  marketing: { granted: boolean; changedAt: Date | null };
}

/**
 * Which emails to send. Answers to applications and digests concern seekers only; marketing mail
 * needs a consent that is off unless turned on here (each change is recorded with time and IP).
 */
export function PreferencesForm({ values }: { values: PreferenceValues }) {
  const t = useTranslations("account.preferences");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [saved, setSaved] = useState(false);
  const update = trpc.account.updatePreferences.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const input = errors.validate(preferencesSchema, {
      // Someone who is not a seeker does not see these two: their values are kept as they are.
      notifyApplicationUpdates: values.isSeeker ? form.get("notifyApplicationUpdates") === "on" : values.notifyApplicationUpdates,
      notifyDigests: values.isSeeker ? form.get("notifyDigests") === "on" : values.notifyDigests,
      marketing: form.get("marketing") === "on",
    });
    if (input) update.mutate(input);
  }

  const changedAt = values.marketing.changedAt
    ? formatDate(new Date(values.marketing.changedAt), locale, "long", { time: true })
    : null;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium text-gray-800">{t("legend")}</legend>
        {values.isSeeker ? (
          <>
            <CheckboxField
              id="notifyApplicationUpdates"
              label={t("applicationUpdates")}
              defaultChecked={values.notifyApplicationUpdates}
            />
            <CheckboxField id="notifyDigests" label={t("digests")} defaultChecked={values.notifyDigests} />
          </>
        ) : null}
        <CheckboxField
          id="marketing"
          label={t("marketing")}
          defaultChecked={values.marketing.granted}
          aria-describedby="marketing-hint"
        />
        <p id="marketing-hint" className="text-xs text-gray-600">
          {t("marketingHint")}{" "}
          {changedAt
            ? values.marketing.granted
              ? t("marketingGranted", { date: changedAt })
              : t("marketingWithdrawn", { date: changedAt })
            : null}
        </p>
      </fieldset>
      <Button type="submit" disabled={update.isPending} className="self-start">
        {update.isPending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
