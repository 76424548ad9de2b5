"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { appealTextSchema } from "@/lib/validation/blocks";
import { trpc } from "@/trpc/react";
import { z } from "zod";

const formSchema = z.object({ text: appealTextSchema });

/** The owner's one appeal against the organisation's block. */
export function BlockAppealForm({ organizationId, kind }: { organizationId: number; kind: "employer" | "school" }) {
  const t = useTranslations("employer.blockAppeal");
  const router = useRouter();
  const errors = useFormErrors();
  const [sent, setSent] = useState(false);
  const done = {
    onError: errors.fromServer,
    onSuccess: () => {
      setSent(true);
      router.refresh();
    },
  };
  const appealEmployer = trpc.employer.organization.appeal.useMutation(done);
  const appealSchool = trpc.school.organization.appeal.useMutation(done);
  const appeal = kind === "school" ? appealSchool : appealEmployer;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(formSchema, { text: form.get("appeal-text") });
    if (input) appeal.mutate({ organizationId, text: input.text });
  }
  if (sent) {
    return (
      <div aria-live="polite">
        <Alert tone="success">{t("sent")}</Alert>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField id="appeal-text" label={t("textLabel")} rows={4} maxLength={4000} errors={errors.fieldErrors.text} />
      <Button type="submit" disabled={appeal.isPending} className="self-start">
        {t("submit")}
      </Button>
    </form>
  );
}
