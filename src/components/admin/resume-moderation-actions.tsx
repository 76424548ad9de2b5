"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { useNotice } from "@/components/ui/page-notice";
import { hideResumeSchema } from "@/lib/validation/moderation";
import { trpc } from "@/trpc/react";

/**
 * A moderator's decision on one resume: hide it with a reason the seeker sees (on its flags or on
 * a complaint about it), or let it be seen again (restore a hidden one, keep a flagged one).
 */
export function ResumeModerationActions(props: {
  resumeId: number;
  title: string;
  moderation: "CLEAR" | "FLAGGED" | "HIDDEN" | "REVIEW";
  complaintIds: number[];
}) {
  const t = useTranslations("adminResumes");
  const router = useRouter();
  const hideErrors = useFormErrors();
  const restoreErrors = useFormErrors();
  const notice = useNotice();
  const hide = trpc.admin.resumes.hide.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => hideErrors.fromServer(error),
    onSuccess: () => {
      notice.show(t("hidden", { title: props.title }));
      router.refresh();
    },
  });
  const restore = trpc.admin.resumes.restore.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => restoreErrors.fromServer(error),
    onSuccess: () => {
      notice.show(t(props.moderation === "FLAGGED" ? "cleared" : "restored", { title: props.title }));
      router.refresh();
    },
  });
  const id = props.resumeId;
  const pending = hide.isPending || restore.isPending;

  function submitHide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    hideErrors.reset();
    const form = new FormData(event.currentTarget);
    const ticket = form.get("ticketId");
    const input = hideErrors.validate(hideResumeSchema, {
      resumeId: id,
      reason: form.get("reason"),
      ticketId: ticket ? Number(ticket) : undefined,
    });
    if (input) hide.mutate(input);
  }

  return (
    <div className="flex flex-col gap-3">
      {notice.region}
      {props.moderation !== "HIDDEN" ? (
        <form onSubmit={submitHide} className="flex flex-col gap-2" noValidate>
          {hideErrors.formError ? <Alert tone="error">{hideErrors.formError}</Alert> : null}
          <TextAreaField
            id={`hide-reason-${id}`}
            name="reason"
            rows={2}
            maxLength={1000}
            label={t("reason")}
            errors={hideErrors.fieldErrors.reason}
            required
          />
          {props.complaintIds.length ? (
            <SelectField id={`hide-ticket-${id}`} name="ticketId" label={t("ticket")} errors={hideErrors.fieldErrors.ticketId}>
              <option value="">{t("noTicket")}</option>
              {props.complaintIds.map((ticketId) => (
                <option key={ticketId} value={ticketId}>
                  {t("complaint", { id: ticketId })}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Button type="submit" disabled={pending} className="self-start">
            {t("hide")}
          </Button>
        </form>
      ) : null}
      {props.moderation !== "CLEAR" ? (
        <div className="flex flex-col gap-2">
          {restoreErrors.formError ? <Alert tone="error">{restoreErrors.formError}</Alert> : null}
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            className="self-start"
            onClick={() => restore.mutate({ resumeId: id })}
          >
            {t(props.moderation === "FLAGGED" ? "clear" : "restore")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
