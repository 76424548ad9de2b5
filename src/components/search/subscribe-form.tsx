"use client";

import { NextIntlClientProvider, useTranslations, type AbstractIntlMessages } from "next-intl";
import { useEffect, useId, useRef, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { FrequencyField } from "@/components/seeker/subscription-frequency-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { subscriptionFormSchema, SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { trpc, TRPCProvider } from "@/trpc/react";

interface SubscribeFormProps {
  query: string;
  defaultName: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}

/**
 * The subscription form of the search page, with what it brings along when it is opened: the
 * tRPC client and the translations of the form, its errors and the confirmation. The page itself
 * carries neither.
 */
export function SubscribeForm({
  locale,
  messages,
  created,
  ...props
}: SubscribeFormProps & { locale: string; messages: AbstractIntlMessages; created: string | null }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Almaty">
      {created === null ? (
        <TRPCProvider>
          <Form {...props} />
        </TRPCProvider>
      ) : (
        <Created name={created} />
      )}
    </NextIntlClientProvider>
  );
}

/** The form goes away on success: the confirmation takes the focus so it is read out. */
function Created({ name }: { name: string }) {
  const t = useTranslations("subscriptions");
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => confirmation.current?.focus(), []);
  return (
    <div
      role="status"
      tabIndex={-1}
      ref={confirmation}
      className="flex flex-col items-start gap-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 outline-none sm:flex-row sm:items-center sm:gap-4"
    >
      <p>{t("created", { name })}</p>
      <Link href="/seeker/subscriptions" className="font-medium underline underline-offset-2">
        {t("manage")}
      </Link>
    </div>
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
