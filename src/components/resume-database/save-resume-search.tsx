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
 * "Save this search" on the resume database page: the member names the search and picks how often
 * its new resumes are emailed. The form opens under the button; on success a confirmation with a
 * link to the saved searches takes its place (and the focus, so that it is read out).
 */
export function SaveResumeSearch({
  organizationId,
  query,
  defaultName,
}: {
  organizationId: number;
  /** The search's query string as the page writes it. */
  query: string;
  defaultName: string;
}) {
  const t = useTranslations("savedResumeSearches");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);

  if (created !== null) return <Created organizationId={organizationId} name={created} />;
  return (
    <div className="flex flex-col gap-3">
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex items-center gap-2 self-start rounded-md border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
        data-testid="save-resume-search"
      >
        {t("saveSearch")}
      </button>
      <div id={formId} hidden={!open}>
        {open ? (
          <Form
            organizationId={organizationId}
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

function Created({ organizationId, name }: { organizationId: number; name: string }) {
  const t = useTranslations("savedResumeSearches");
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
      <Link href={`/employer/${organizationId}/resumes/saved`} className="font-medium underline underline-offset-2">
        {t("manage")}
      </Link>
    </div>
  );
}

function Form({
  organizationId,
  query,
  defaultName,
  onCreated,
  onCancel,
}: {
  organizationId: number;
  query: string;
  defaultName: string;
  onCreated: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("savedResumeSearches");
  const errors = useFormErrors();
  const idPrefix = useId();
  const save = trpc.employer.savedResumeSearches.save.useMutation({
    onError: errors.fromServer,
    onSuccess: (row) => onCreated(row.name),
  });

  useEffect(() => {
    document.getElementById(`${idPrefix}-name`)?.focus();
  }, [idPrefix]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(subscriptionFormSchema, { name: form.get("name") ?? "", frequency: form.get("frequency") });
    if (!input) return;
    save.mutate({ organizationId, search: { query, name: input.name, frequency: input.frequency } });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t("formTitle")}
      className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-4"
    >
      <p className="text-sm text-gray-700">{t("formHint")}</p>
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
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("creating") : t("create")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
