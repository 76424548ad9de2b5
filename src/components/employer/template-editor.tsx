"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { trpc } from "@/trpc/react";

/** One of the organisation's applicant email templates (a kind in a language). */
export function TemplateEditor(props: {
  organizationId: number;
  kind: "INVITE" | "REJECT";
  locale: "ru" | "kk";
  subject: string;
  body: string;
  readOnly: boolean;
}) {
  const t = useTranslations("inbox");
  const errors = useFormErrors();
  const save = trpc.employer.applications.saveTemplate.useMutation({ onError: errors.fromServer });
  const prefix = `${props.kind}-${props.locale}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    save.mutate({
      organizationId: props.organizationId,
      kind: props.kind,
      locale: props.locale,
      subject: String(form.get(`${prefix}-subject`) ?? ""),
      body: String(form.get(`${prefix}-body`) ?? ""),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div aria-live="polite">{save.isSuccess ? <Alert tone="success">{t("templateSaved")}</Alert> : null}</div>
      <fieldset disabled={props.readOnly} className="flex flex-col gap-3">
        <Field
          id={`${prefix}-subject`}
          label={t("answerSubject")}
          defaultValue={props.subject}
          maxLength={200}
          errors={errors.fieldErrors.subject}
        />
        <TextAreaField
          id={`${prefix}-body`}
          label={t("answerBody")}
          rows={8}
          maxLength={5000}
          defaultValue={props.body}
          errors={errors.fieldErrors.body}
        />
        {props.readOnly ? null : (
          <Button type="submit" disabled={save.isPending} className="self-start">
            {t("saveTemplate")}
          </Button>
        )}
      </fieldset>
    </form>
  );
}
