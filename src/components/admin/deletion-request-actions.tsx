"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useNotice } from "@/components/ui/page-notice";
import { Field, TextAreaField } from "@/components/ui/field";
import { deletionDecisionSchema } from "@/lib/validation/organization-deletion";
import { trpc } from "@/trpc/react";

/**
 * A superadmin's two answers to one deletion request: carry it out (the organisation's name typed
 * again, since it cannot be undone) or decline it with a note. `blockedBy` names what must happen
 * first (a refund of the balance, an order in progress); the server refuses it too.
 */
export function DeletionRequestActions(props: { organizationId: number; name: string; blockedBy: "balance" | "orders" | null }) {
  const t = useTranslations("adminDeletions");
  const router = useRouter();
  const carryOutErrors = useFormErrors();
  const declineErrors = useFormErrors();
  const notice = useNotice();
  const decide = trpc.admin.deletions.decide.useMutation({
    onMutate: () => notice.show(null),
    onError: (error, input) => (input.decision === "carryOut" ? carryOutErrors : declineErrors).fromServer(error),
    onSuccess: (result) => {
      notice.show(t(result.outcome, { name: props.name }));
      router.refresh();
    },
  });
  const id = props.organizationId;

  function carryOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    carryOutErrors.reset();
    const form = new FormData(event.currentTarget);
    const input = carryOutErrors.validate(deletionDecisionSchema, {
      organizationId: id,
      decision: "carryOut",
      confirmation: form.get("confirmation"),
    });
    if (input) decide.mutate(input);
  }

  function decline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    declineErrors.reset();
    const form = new FormData(event.currentTarget);
    const input = declineErrors.validate(deletionDecisionSchema, {
      organizationId: id,
      decision: "decline",
      note: form.get("note"),
    });
    if (input) decide.mutate(input);
  }

  return (
    <div className="flex flex-col gap-3">
      {notice.region}
      <form onSubmit={carryOut} className="flex flex-col gap-2" noValidate>
        {carryOutErrors.formError ? <Alert tone="error">{carryOutErrors.formError}</Alert> : null}
        {props.blockedBy ? (
          <p className="text-sm text-amber-900">{t(props.blockedBy === "balance" ? "blockedByBalance" : "blockedByOrders")}</p>
        ) : null}
        <Field
          id={`confirmation-${id}`}
          name="confirmation"
          autoComplete="off"
          label={t("confirmLabel", { name: props.name })}
          errors={carryOutErrors.fieldErrors.confirmation}
          required
        />
        <Button type="submit" disabled={decide.isPending} className="self-start">
          {t("carryOut")}
        </Button>
      </form>
      <form onSubmit={decline} className="flex flex-col gap-2" noValidate>
        {declineErrors.formError ? <Alert tone="error">{declineErrors.formError}</Alert> : null}
        <TextAreaField
          id={`note-${id}`}
          name="note"
          rows={2}
          label={t("noteLabel")}
          errors={declineErrors.fieldErrors.note}
          required
        />
        <Button type="submit" variant="secondary" disabled={decide.isPending} className="self-start">
          {t("decline")}
        </Button>
      </form>
    </div>
  );
}
