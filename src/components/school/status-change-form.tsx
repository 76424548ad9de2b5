"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import type { TraineeStatus } from "@/generated/prisma/enums";
import { useRouter } from "@/i18n/client-navigation";
import { statusChangeSchema } from "@/lib/validation/school";
import { trpc } from "@/trpc/react";

/** Moves a trainee to one of the statuses their current one allows; a graduate's certificate is asked for. */
export function StatusChangeForm(props: { organizationId: number; traineeId: number; next: readonly TraineeStatus[] }) {
  const t = useTranslations("schoolRegistry.statusChange");
  const tStatus = useTranslations("school.status");
  const router = useRouter();
  const errors = useFormErrors();
  const [chosen, setChosen] = useState<string>(props.next[0] ?? "");
  // After a change the page brings the next allowed statuses: the choice follows them.
  const status = (props.next as readonly string[]).includes(chosen) ? chosen : (props.next[0] ?? "");
  const change = trpc.school.trainees.changeStatus.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(statusChangeSchema, {
      status: form.get("status"),
      effectiveOn: form.get("effectiveOn") || null,
      note: form.get("note"),
      certificate: status === "GRADUATED" ? { number: form.get("certificateNumber"), date: form.get("certificateDate") } : null,
    });
    if (input) change.mutate({ organizationId: props.organizationId, traineeId: props.traineeId, change: input });
  }

  const fe = errors.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {change.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <SelectField id="status" label={t("status")} value={status} onChange={(e) => setChosen(e.target.value)} errors={fe.status}>
        {props.next.map((s) => (
          <option key={s} value={s}>
            {tStatus(s)}
          </option>
        ))}
      </SelectField>
      <Field id="effectiveOn" type="date" label={t("effectiveOn")} hint={t("effectiveOnHint")} errors={fe.effectiveOn} />
      {status === "GRADUATED" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="certificateNumber"
            label={t("certificateNumber")}
            required
            maxLength={50}
            autoComplete="off"
            errors={fe.certificate}
          />
          <Field id="certificateDate" type="date" label={t("certificateDate")} required />
        </div>
      ) : null}
      <TextAreaField id="note" label={t("note")} maxLength={500} rows={2} errors={fe.note} />
      <Button type="submit" disabled={change.isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
