"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { COMPLAINT_REASONS, resumeComplaintSchema } from "@/lib/validation/complaint";
import { trpc } from "@/trpc/react";

/** An employer's member reports a resume to the moderators (offensive text, fraud, …). */
export function ResumeComplaintForm({ organizationId, resumeId }: { organizationId: number; resumeId: string }) {
  const t = useTranslations("resumes.employerView.complaint");
  const tReasons = useTranslations("complaint.reasons");
  const locale = useLocale();
  const errors = useFormErrors();
  const [sent, setSent] = useState<number | null>(null);
  const complain = trpc.employer.resumes.complain.useMutation({
    onMutate: () => setSent(null),
    onError: (error) => errors.fromServer(error),
    onSuccess: (ticket) => setSent(ticket.id),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(resumeComplaintSchema, {
      resumeId,
      reason: form.get("reason") || undefined,
      message: form.get("message"),
      locale,
    });
    if (input) complain.mutate({ ...input, organizationId });
  }

  return (
    <details className="print-hidden rounded-md border border-gray-200 bg-white p-3">
      <summary className="cursor-pointer font-medium">{t("title")}</summary>
      <div aria-live="polite">{sent ? <Alert tone="success">{t("sent", { id: sent })}</Alert> : null}</div>
      {sent ? null : (
        <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-3">
          {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
          <SelectField
            id="resume-complaint-reason"
            name="reason"
            label={t("reason")}
            errors={errors.fieldErrors.reason}
            defaultValue=""
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {COMPLAINT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {tReasons(reason)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="resume-complaint-message"
            name="message"
            rows={3}
            maxLength={2000}
            label={t("message")}
            errors={errors.fieldErrors.message}
            required
          />
          <Button type="submit" disabled={complain.isPending} className="self-start">
            {t("submit")}
          </Button>
        </form>
      )}
    </details>
  );
}
