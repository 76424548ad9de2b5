"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { organizationLegalSchema } from "@/lib/validation/organization";
import { trpc } from "@/trpc/react";

/** Legal name and BIN/IIN, editable until verification; saving puts the organisation back in the queue. */
export function LegalForm(props: {
  organizationId: number;
  legalName: string;
  identifier: string;
  isPerson: boolean;
  kind?: "employer" | "school";
}) {
  const t = useTranslations("employer");
  const router = useRouter();
  const errors = useFormErrors();
  const saved = { onError: errors.fromServer, onSuccess: () => router.refresh() };
  const saveEmployer = trpc.employer.organization.updateLegal.useMutation(saved);
  const saveSchool = trpc.school.organization.updateLegal.useMutation(saved);
  const save = props.kind === "school" ? saveSchool : saveEmployer;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const legal = errors.validate(organizationLegalSchema, {
      legalName: form.get("legalName"),
      identifier: form.get("identifier"),
    });
    if (legal) save.mutate({ organizationId: props.organizationId, legal });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {save.isSuccess ? <Alert tone="success">{t("form.saved")}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="legalName"
        label={t("form.legalName")}
        hint={t("form.legalNameHint")}
        defaultValue={props.legalName}
        required
        maxLength={255}
        errors={errors.fieldErrors.legalName}
      />
      <Field
        id="identifier"
        label={props.isPerson ? t("form.identifierPerson") : t("form.identifier")}
        hint={t("form.identifierHint")}
        defaultValue={props.identifier}
        inputMode="numeric"
        autoComplete="off"
        required
        maxLength={14}
        errors={errors.fieldErrors.identifier}
      />
      <Button type="submit" disabled={save.isPending} className="self-start">
        {t("saveLegal")}
      </Button>
    </form>
  );
}
