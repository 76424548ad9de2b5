"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { answerSchema, noteSchemaClient } from "@/lib/validation/applications";
import { trpc } from "@/trpc/react";

export interface AnswerTemplate {
  kind: "INVITE" | "REJECT";
  subject: string;
  body: string;
}

/** Invite or reject one applicant with the organisation's template, edited for this answer if needed. */
export function RespondForm(props: {
  organizationId: number;
  applicationId: number;
  templates: AnswerTemplate[];
  status: string;
}) {
  const t = useTranslations("inbox");
  const router = useRouter();
  const errors = useFormErrors();
  const [kind, setKind] = useState<"INVITE" | "REJECT" | null>(null);
  const respond = trpc.employer.applications.respond.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      setKind(null);
      router.refresh();
    },
  });
  const template = props.templates.find((tpl) => tpl.kind === kind);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind) return;
    errors.reset();
    const form = new FormData(event.currentTarget);
    // Checked here with the server's rules, so each field shows its own reason.
    const custom = errors.validate(answerSchema, { subject: form.get("answerSubject"), body: form.get("answerBody") });
    if (custom)
      respond.mutate({ organizationId: props.organizationId, applicationIds: [props.applicationId], decision: kind, custom });
  }

  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div aria-live="polite">{respond.isSuccess ? <Alert tone="success">{t("answered", { count: 1 })}</Alert> : null}</div>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={props.status === "INVITED"}
          onClick={() => setKind("INVITE")}
          aria-expanded={kind === "INVITE"}
        >
          {t("invite")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={props.status === "REJECTED"}
          onClick={() => setKind("REJECT")}
          aria-expanded={kind === "REJECT"}
        >
          {t("reject")}
        </Button>
      </div>
      {template ? (
        <form
          key={kind}
          onSubmit={onSubmit}
          noValidate
          className="flex flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3"
        >
          <Field
            id="answerSubject"
            label={t("answerSubject")}
            defaultValue={template.subject}
            maxLength={200}
            errors={errors.fieldErrors.subject}
          />
          <TextAreaField
            id="answerBody"
            label={t("answerBody")}
            hint={t("placeholders", { name: "{name}", vacancy: "{vacancy}", organization: "{organization}" })}
            rows={8}
            maxLength={5000}
            defaultValue={template.body}
            errors={errors.fieldErrors.body}
          />
          <Button type="submit" disabled={respond.isPending} className="self-start">
            {t("send")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** A note visible to the organisation only. */
export function NoteForm(props: { organizationId: number; applicationId: number }) {
  const t = useTranslations("inbox");
  const router = useRouter();
  const errors = useFormErrors();
  const add = trpc.employer.applications.addNote.useMutation({ onError: errors.fromServer, onSuccess: () => router.refresh() });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = event.currentTarget;
    const input = errors.validate(z.object({ note: noteSchemaClient }), { note: String(new FormData(form).get("note") ?? "") });
    if (input)
      add.mutate(
        { organizationId: props.organizationId, applicationId: props.applicationId, body: input.note },
        { onSuccess: () => form.reset() },
      );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField id="note" label={t("note")} rows={3} maxLength={4000} errors={errors.fieldErrors.note} />
      <Button type="submit" variant="secondary" disabled={add.isPending} className="self-start">
        {t("addNote")}
      </Button>
    </form>
  );
}

/**
 * Marks the application viewed once the page is actually shown in a browser (a mutation: reading
 * the application changes nothing), then refreshes the status on the page.
 */
export function MarkViewed({ organizationId, applicationId }: { organizationId: number; applicationId: number }) {
  const router = useRouter();
  const markViewed = trpc.employer.applications.markViewed.useMutation({
    onSuccess: (result) => {
      if (result.viewed) router.refresh();
    },
  });
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    markViewed.mutate({ organizationId, applicationId });
  }, [organizationId, applicationId, markViewed]);
  return null;
}
