"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useNotice } from "@/components/ui/page-notice";
import { TextAreaField } from "@/components/ui/field";
import { appealDecisionSchema, blockSchema, liftBlockSchema } from "@/lib/validation/blocks";
import { trpc } from "@/trpc/react";

type Target = { organizationId: number } | { userId: number };

/** The operator's block of an organisation or an account, with the reason the blocked will read. */
export function BlockForm({ target, idPrefix }: { target: Target; idPrefix: string }) {
  const t = useTranslations("adminBlocks");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const mutation = trpc.admin.blocks.block.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      notice.show(t("blockedDone"));
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(blockSchema, { target, reason: form.get(`${idPrefix}-reason`) });
    if (input) mutation.mutate(input);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      {notice.region}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField
        id={`${idPrefix}-reason`}
        label={t("reasonLabel")}
        rows={2}
        maxLength={1000}
        errors={errors.fieldErrors.reason}
      />
      <Button type="submit" variant="secondary" disabled={mutation.isPending} className="self-start">
        {t("block")}
      </Button>
    </form>
  );
}

/** Lifts a block that has no appeal waiting; the note goes to the blocked in the email. */
export function LiftForm({ blockId, idPrefix }: { blockId: number; idPrefix: string }) {
  const t = useTranslations("adminBlocks");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const mutation = trpc.admin.blocks.lift.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      notice.show(t("liftedDone"));
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const input = errors.validate(liftBlockSchema, { blockId, note: form.get(`${idPrefix}-note`) });
    if (input) mutation.mutate(input);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
      {notice.region}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField id={`${idPrefix}-note`} label={t("noteLabel")} rows={2} maxLength={1000} errors={errors.fieldErrors.note} />
      <Button type="submit" disabled={mutation.isPending} className="self-start">
        {t("lift")}
      </Button>
    </form>
  );
}

/** Uphold or lift: the decision on an appeal, with a note the appellant gets. */
export function AppealDecisionForm({ appealId }: { appealId: number }) {
  const t = useTranslations("adminAppeals");
  const router = useRouter();
  const errors = useFormErrors();
  const [note, setNote] = useState("");
  const notice = useNotice();
  const mutation = trpc.admin.blocks.decide.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      notice.show(t("done"));
      router.refresh();
    },
  });
  const submit = (decision: "UPHELD" | "LIFTED") => {
    errors.reset();
    const input = errors.validate(appealDecisionSchema, { appealId, decision, note });
    if (input) mutation.mutate(input);
  };
  return (
    <div className="flex flex-col gap-2">
      {notice.region}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField
        id={`appeal-note-${appealId}`}
        label={t("noteLabel")}
        rows={2}
        maxLength={1000}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        errors={errors.fieldErrors.note}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={mutation.isPending} onClick={() => submit("LIFTED")}>
          {t("lift")}
        </Button>
        <Button type="button" variant="secondary" disabled={mutation.isPending} onClick={() => submit("UPHELD")}>
          {t("uphold")}
        </Button>
      </div>
    </div>
  );
}
