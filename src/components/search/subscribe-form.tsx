"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { FrequencyField } from "@/components/seeker/subscription-frequency-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { subscriptionFormSchema, SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { trpc, TRPCProvider } from "@/trpc/react";

interface SubscribeFormProps {
  query: string;
  defaultName: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}

/** The subscription form of the search page, with the tRPC client it brings along. */
export function SubscribeForm(props: SubscribeFormProps) {
  return (
    <TRPCProvider>
      <Form {...props} />
    </TRPCProvider>
  );
}

function Form({ query, defaultName, onCreated, onCancel }: SubscribeFormProps) {
  const t = useTranslations("subscriptions");
  const errors = useFormErrors();
  const idPrefix = useId();
  const create = trpc.seeker.subscriptions.create.useMutation({
    onError: errors.fromServer,
    onSuccess: (subscription) => onCreated(subscription.name),
  });

  // Opening the form moves the focus into it, so keyboard users continue where they pressed.
  useEffect(() => {
    document.getElementById(`${idPrefix}-name`)?.focus();
  }, [idPrefix]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(subscriptionFormSchema, { name: form.get("name") ?? "", frequency: form.get("frequency") });
    if (!input) return;
    create.mutate({ query, name: input.name, frequency: input.frequency });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("formTitle")}
      className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-4"
    >
      <p className="text-sm text-gray-700">{t("subscribeHint")}</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id={`${idPrefix}-name`}
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={defaultName}
        maxLength={SUBSCRIPTION_NAME_MAX}
        required
        autoComplete="off"
        errors={errors.fieldErrors.name}
      />
      <FrequencyField name="frequency" defaultValue="DAILY" errors={errors.fieldErrors.frequency} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
