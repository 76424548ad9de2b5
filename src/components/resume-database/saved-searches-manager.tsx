"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { FrequencyField } from "@/components/seeker/subscription-frequency-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import { SAVED_RESUME_SEARCHES_LIMIT } from "@/lib/validation/saved-resume-searches";
import { subscriptionFormSchema, SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { trpc, type RouterOutputs } from "@/trpc/react";

type SavedSearch = RouterOutputs["employer"]["savedResumeSearches"]["list"][number];

/**
 * The member's saved resume searches in one organisation (as the server rendered them) with what
 * can be done to them; after a change the page is rendered again and the result is announced.
 */
export function SavedSearchesManager({ organizationId, items }: { organizationId: number; items: SavedSearch[] }) {
  const t = useTranslations("savedResumeSearches");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const base = `/employer/${organizationId}/resumes`;

  function announce(message: string, options: { focus?: boolean } = {}) {
    setAnnouncement(message);
    startTransition(() => router.refresh());
    if (options.focus) status.current?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div ref={status} tabIndex={-1} role="status" className="outline-none">
        {announcement ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">{announcement}</p>
        ) : null}
      </div>
      {items.length === 0 ? (
        <div className="flex flex-col items-start gap-4 rounded-lg border border-gray-200 bg-white p-6">
          <p className="text-gray-800">{t("empty")}</p>
          <Link href={base} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("findResumes")}
          </Link>
        </div>
      ) : (
        <>
          <p className="text-sm text-gray-700">{t("count", { count: items.length, limit: SAVED_RESUME_SEARCHES_LIMIT })}</p>
          <ul className="flex flex-col gap-3" data-testid="saved-resume-searches">
            {items.map((item) => (
              <li key={item.id}>
                <SavedSearchItem organizationId={organizationId} item={item} announce={announce} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Mode = "view" | "edit" | "confirmDelete";

function SavedSearchItem({
  organizationId,
  item,
  announce,
}: {
  organizationId: number;
  item: SavedSearch;
  announce: (message: string, options?: { focus?: boolean }) => void;
}) {
  const t = useTranslations("savedResumeSearches");
  const ts = useTranslations("subscriptions");
  const locale = useLocale();
  const errors = useFormErrors();
  const [mode, setMode] = useState<Mode>("view");
  const id = useId();
  const headingId = `${id}-heading`;
  const base = `/employer/${organizationId}/resumes`;

  const toggle = trpc.employer.savedResumeSearches.update.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: (row) => announce(t(row.emailOn ? "emailOnStatus" : "emailOffStatus", { name: item.name })),
  });
  const remove = trpc.employer.savedResumeSearches.delete.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: () => announce(t("deleted", { name: item.name }), { focus: true }),
  });
  const busy = toggle.isPending || remove.isPending;

  function close(target: "edit" | "delete") {
    setMode("view");
    errors.reset();
    requestAnimationFrame(() => document.getElementById(`${id}-${target}`)?.focus());
  }

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold break-words">
        {item.name}
      </h3>
      <div className="flex flex-col gap-1 text-sm text-gray-800">
        <p>
          {item.emailOn ? t("frequencyShown", { frequency: ts(`frequencyLabel.${item.frequency}`) }) : t("emailOff")} ·{" "}
          {item.lastSentAt ? t("lastSent", { date: formatDate(item.lastSentAt, locale, "medium") }) : t("noEmailYet")}
        </p>
        <p className="text-gray-700">{t("createdOn", { date: formatDate(item.createdAt, locale, "medium") })}</p>
      </div>

      {errors.formError && mode !== "edit" ? <Alert tone="error">{errors.formError}</Alert> : null}

      {mode === "edit" ? (
        <EditForm
          organizationId={organizationId}
          item={item}
          onClose={() => close("edit")}
          onSaved={() => announce(t("updated"))}
        />
      ) : mode === "confirmDelete" ? (
        <ConfirmDelete
          name={item.name}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ organizationId, target: { id: item.id } })}
          onCancel={() => close("delete")}
        />
      ) : (
        <div role="group" aria-label={t("actionsLabel", { name: item.name })} className="flex flex-wrap gap-2">
          <Link
            href={item.query ? `${base}?${item.query}` : base}
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("openSearch")}
          </Link>
          <Button id={`${id}-edit`} type="button" variant="secondary" onClick={() => setMode("edit")} disabled={busy}>
            {t("edit")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => toggle.mutate({ organizationId, change: { id: item.id, emailOn: !item.emailOn } })}
          >
            {item.emailOn ? t("emailToggleOff") : t("emailToggleOn")}
          </Button>
          <Button
            id={`${id}-delete`}
            type="button"
            variant="secondary"
            className="text-red-800"
            disabled={busy}
            onClick={() => {
              errors.reset();
              setMode("confirmDelete");
            }}
          >
            {t("delete")}
          </Button>
        </div>
      )}
    </article>
  );
}

function EditForm({
  organizationId,
  item,
  onClose,
  onSaved,
}: {
  organizationId: number;
  item: SavedSearch;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useTranslations("savedResumeSearches");
  const errors = useFormErrors();
  const id = useId();
  const update = trpc.employer.savedResumeSearches.update.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });

  useEffect(() => {
    document.getElementById(`${id}-name`)?.focus();
  }, [id]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(subscriptionFormSchema, { name: form.get("name") ?? "", frequency: form.get("frequency") });
    if (!input) return;
    update.mutate({ organizationId, change: { id: item.id, ...input } });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editTitle", { name: item.name })} className="flex flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id={`${id}-name`}
        name="name"
        label={t("name")}
        defaultValue={item.name}
        maxLength={SUBSCRIPTION_NAME_MAX}
        required
        autoComplete="off"
        errors={errors.fieldErrors.name}
      />
      <FrequencyField name="frequency" defaultValue={item.frequency} errors={errors.fieldErrors.frequency} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function ConfirmDelete({
  name,
  pending,
  onConfirm,
  onCancel,
}: {
  name: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("savedResumeSearches");
  const id = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby={`${id}-question`}
      className="flex flex-col gap-3 rounded-md border border-red-300 bg-red-50 p-3"
    >
      <p id={`${id}-question`} className="text-sm font-medium text-red-900">
        {t("deleteConfirm", { name })}
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          ref={confirm}
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className="rounded-md bg-red-700 px-4 py-2 text-base font-medium text-white hover:bg-red-800 disabled:bg-gray-400"
        >
          {t("deleteYes")}
        </button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
