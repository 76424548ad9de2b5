"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { SEARCH_PATH } from "@/lib/urls";
import { subscriptionFormSchema, SUBSCRIPTION_NAME_MAX, SUBSCRIPTIONS_LIMIT } from "@/lib/validation/subscriptions";
import { trpc, type RouterOutputs } from "@/trpc/react";

import { FrequencyField } from "./subscription-frequency-field";
import { formatDate } from "@/lib/format";

type SubscriptionList = RouterOutputs["seeker"]["subscriptions"]["list"];
type Subscription = SubscriptionList["items"][number];

/**
 * The seeker's subscriptions (as the server rendered them) with everything that can be done to
 * them; after a change the page is rendered again and the result is announced.
 */
export function SubscriptionsManager({ data }: { data: SubscriptionList }) {
  const t = useTranslations("subscriptions");
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);
  const { items, digestsEnabled } = data;

  function announce(message: string, options: { focus?: boolean } = {}) {
    setAnnouncement(message);
    startTransition(() => router.refresh());
    // After a deletion the pressed button is gone: the focus goes to the message instead.
    if (options.focus) status.current?.focus();
  }

  return (
    <div className="flex flex-col gap-4">
      <div ref={status} tabIndex={-1} role="status" className="outline-none">
        {announcement ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">{announcement}</p>
        ) : null}
      </div>
      {!digestsEnabled ? (
        <Alert tone="info">
          {t("digestsOff")}{" "}
          <Link href="/account/profile" className="font-medium underline underline-offset-2">
            {t("accountSettings")}
          </Link>
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <div className="flex flex-col items-start gap-4 rounded-lg border border-gray-200 bg-white p-6">
          <p className="text-gray-800">{t("empty")}</p>
          <Link href={SEARCH_PATH} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("findVacancies")}
          </Link>
        </div>
      ) : (
        <>
          <p className="text-sm text-gray-700">{t("count", { count: items.length, limit: SUBSCRIPTIONS_LIMIT })}</p>
          <ul className="flex flex-col gap-3" data-testid="subscriptions">
            {items.map((item) => (
              <li key={item.id}>
                <SubscriptionItem item={item} announce={announce} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type Mode = "view" | "edit" | "confirmDelete";

function SubscriptionItem({
  item,
  announce,
}: {
  item: Subscription;
  announce: (message: string, options?: { focus?: boolean }) => void;
}) {
  const t = useTranslations("subscriptions");
  const locale = useLocale();
  const errors = useFormErrors();
  const [mode, setMode] = useState<Mode>("view");
  const id = useId();
  const headingId = `${id}-heading`;
  const paused = item.pausedAt !== null;

  const setPaused = trpc.seeker.subscriptions.setPaused.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: (row) => announce(t(row.pausedAt ? "pausedStatus" : "resumedStatus", { name: item.name })),
  });
  const remove = trpc.seeker.subscriptions.delete.useMutation({
    onMutate: () => errors.reset(),
    onError: errors.fromServer,
    onSuccess: () => announce(t("deleted", { name: item.name }), { focus: true }),
  });
  const busy = setPaused.isPending || remove.isPending;

  function close(target: "edit" | "delete") {
    setMode("view");
    errors.reset();
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => document.getElementById(`${id}-${target}`)?.focus());
  }

  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold break-words">
          {item.name}
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-sm font-medium ${paused ? "bg-gray-200 text-gray-800" : "bg-green-100 text-green-900"}`}
        >
          {paused ? t("paused") : t("active")}
        </span>
      </div>
      <div className="flex flex-col gap-1 text-sm text-gray-800">
        <p className="break-words">{t("searchSummary", { summary: item.summary })}</p>
        <p>
          {t("frequencyShown", { frequency: t(`frequencyLabel.${item.frequency}`) })} ·{" "}
          {item.lastDigestAt ? t("lastDigest", { date: formatDate(item.lastDigestAt, locale, "medium") }) : t("noDigestYet")}
        </p>
        <p className="text-gray-700">{t("createdOn", { date: formatDate(item.createdAt, locale, "medium") })}</p>
      </div>

      {errors.formError && mode !== "edit" ? <Alert tone="error">{errors.formError}</Alert> : null}

      {mode === "edit" ? (
        <EditForm item={item} onClose={() => close("edit")} onSaved={() => announce(t("updated"))} />
      ) : mode === "confirmDelete" ? (
        <ConfirmDelete
          name={item.name}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: item.id })}
          onCancel={() => close("delete")}
        />
      ) : (
        <div role="group" aria-label={t("actionsLabel", { name: item.name })} className="flex flex-wrap gap-2">
          <Link
            href={item.query ? `${SEARCH_PATH}?${item.query}` : SEARCH_PATH}
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
            onClick={() => setPaused.mutate({ id: item.id, paused: !paused })}
          >
            {paused ? t("resume") : t("pause")}
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

function EditForm({ item, onClose, onSaved }: { item: Subscription; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations("subscriptions");
  const errors = useFormErrors();
  const id = useId();
  const update = trpc.seeker.subscriptions.update.useMutation({
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
    update.mutate({ id: item.id, ...input });
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
  const t = useTranslations("subscriptions");
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
