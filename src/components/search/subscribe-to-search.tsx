"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { FrequencyField } from "@/components/seeker/subscription-frequency-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { subscriptionFormSchema, SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { trpc } from "@/trpc/react";

/**
 * "Subscribe to this search" under the results. Guests are sent to sign in and back to the same
 * search; seekers name the subscription (a summary of the search by default) and pick how often.
 */
export function SubscribeToSearch({
  query,
  defaultName,
  searchHref,
}: {
  /** The search's criteria as the search page writes them (no page, sort or period). */
  query: string;
  defaultName: string;
  /** This page's own address, to come back to after signing in. */
  searchHref: string;
}) {
  const t = useTranslations("subscriptions");
  const viewer = trpc.public.viewer.useQuery(undefined, { staleTime: 60_000, retry: false });
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // The form goes away on success: the confirmation takes the focus so it is read out.
  useEffect(() => {
    if (created !== null) confirmation.current?.focus();
  }, [created]);

  if (viewer.isPending) return <div aria-hidden className="h-10" />;
  if (!viewer.data) {
    return (
      <Link
        href={{ pathname: "/auth/sign-in", query: { callbackUrl: searchHref } }}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        data-testid="subscribe-sign-in"
      >
        <BellIcon />
        {t("signInToSubscribe")}
      </Link>
    );
  }
  if (!viewer.data.isSeeker) return <p className="text-sm text-gray-700">{t("seekersOnly")}</p>;

  if (created !== null) {
    return (
      <div
        role="status"
        tabIndex={-1}
        ref={confirmation}
        className="flex flex-col items-start gap-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900 outline-none sm:flex-row sm:items-center sm:gap-4"
      >
        <p>{t("created", { name: created })}</p>
        <Link href="/seeker/subscriptions" className="font-medium underline underline-offset-2">
          {t("manage")}
        </Link>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
      >
        <BellIcon />
        {t("subscribe")}
      </button>
      <div id={formId} hidden={!open}>
        {open ? (
          <SubscribeForm
            query={query}
            defaultName={defaultName}
            onCreated={setCreated}
            onCancel={() => {
              setOpen(false);
              opener.current?.focus();
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function SubscribeForm({
  query,
  defaultName,
  onCreated,
  onCancel,
}: {
  query: string;
  defaultName: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}) {
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

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
      <path
        d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
