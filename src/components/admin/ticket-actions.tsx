"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { TicketKind } from "@/generated/prisma/enums";
import type { TicketAction } from "@/lib/tickets";
import {
  answerTicketSchema,
  closeTicketSchema,
  COMPLAINT_DECISIONS,
  TICKET_ANSWER_MAX,
  TICKET_CLOSE_REASONS,
} from "@/lib/validation/ticket";
import { trpc } from "@/trpc/react";

/** What staff may do with a ticket now (the server's transition table decides which forms show). */
export function TicketActions({
  ticketId,
  kind,
  actions,
  me,
  handledById,
  language,
  assignees,
}: {
  ticketId: number;
  kind: TicketKind;
  actions: TicketAction[];
  me: number;
  handledById: number | null;
  language: string;
  assignees: { id: number; label: string }[];
}) {
  const t = useTranslations("adminTickets");
  const router = useRouter();
  const errors = useFormErrors();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => () => {
    setNotice(message);
    router.refresh();
  };
  const options = { onMutate: () => setNotice(null), onError: errors.fromServer };
  const assign = trpc.admin.tickets.assign.useMutation(options);
  const start = trpc.admin.tickets.start.useMutation(options);
  const answer = trpc.admin.tickets.answer.useMutation(options);
  const close = trpc.admin.tickets.close.useMutation(options);
  const pending = assign.isPending || start.isPending || answer.isPending || close.isPending;
  const complaint = kind === "COMPLAINT";

  const assignTo = (assigneeId: number) => {
    errors.reset();
    assign.mutate(
      { ticketId, assigneeId },
      { onSuccess: (result) => (result.changed ? done(t("actions.assigned"))() : setNotice(t("actions.unchanged"))) },
    );
  };

  const onAssign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get("ticket-assignee"));
    if (value) assignTo(value);
  };

  const onAnswer = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const decision = String(form.get("ticket-decision") ?? "");
    const input = errors.validate(answerTicketSchema, {
      ticketId,
      answer: String(form.get("ticket-answer") ?? ""),
      decision: decision || undefined,
    });
    if (!input) return;
    if (complaint && !input.decision) return errors.fromKey("validation.tickets.decisionRequired");
    answer.mutate(input, { onSuccess: done(t("actions.answered")) });
  };

  const onClose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const decision = String(form.get("close-decision") ?? "");
    const input = errors.validate(closeTicketSchema, {
      ticketId,
      closeReason: String(form.get("close-reason") ?? "") || undefined,
      decision: decision || undefined,
    });
    if (input) close.mutate(input, { onSuccess: done(t("actions.closed")) });
  };

  const box = "flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4";
  return (
    <section aria-labelledby="ticket-actions" className="flex flex-col gap-4">
      <h2 id="ticket-actions" className="text-xl font-semibold">
        {t("actions.title")}
      </h2>
      <div aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      </div>

      {actions.includes("assign") ? (
        <form onSubmit={onAssign} className={box} aria-labelledby="assign-title" noValidate>
          <h3 id="assign-title" className="text-lg font-semibold">
            {t("actions.assignTitle")}
          </h3>
          <div className="flex flex-wrap gap-3">
            {handledById !== me ? (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => assignTo(me)}>
                {t("actions.assignToMe")}
              </Button>
            ) : null}
            {actions.includes("start") ? (
              <Button
                type="button"
                disabled={pending}
                onClick={() => {
                  errors.reset();
                  start.mutate({ ticketId }, { onSuccess: done(t("actions.started")) });
                }}
              >
                {t("actions.start")}
              </Button>
            ) : null}
          </div>
          <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
            <SelectField
              id="ticket-assignee"
              label={t("actions.assignee")}
              defaultValue={handledById ?? ""}
              errors={errors.fieldErrors.assigneeId}
            >
              <option value="">{t("actions.choose")}</option>
              {assignees.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("actions.assign")}
            </Button>
          </div>
        </form>
      ) : null}

      {actions.includes("answer") ? (
        <form onSubmit={onAnswer} className={box} aria-labelledby="answer-title" noValidate>
          <h3 id="answer-title" className="text-lg font-semibold">
            {t("actions.answerTitle")}
          </h3>
          {complaint ? (
            <SelectField id="ticket-decision" label={t("actions.decision")} defaultValue="" errors={errors.fieldErrors.decision}>
              <option value="">{t("actions.choose")}</option>
              {COMPLAINT_DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`ticket.decisions.${d}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <TextAreaField
            id="ticket-answer"
            label={t("actions.answerLabel")}
            hint={t("actions.answerHint", { language })}
            rows={6}
            maxLength={TICKET_ANSWER_MAX}
            errors={errors.fieldErrors.answer}
          />
          <div>
            <Button type="submit" disabled={pending}>
              {t("actions.answerSubmit")}
            </Button>
          </div>
        </form>
      ) : actions.includes("start") ? (
        <p className="text-sm text-gray-700">{t("actions.startFirst")}</p>
      ) : null}

      {actions.includes("close") ? (
        <form onSubmit={onClose} className={box} aria-labelledby="close-title" noValidate>
          <h3 id="close-title" className="text-lg font-semibold">
            {t("actions.closeTitle")}
          </h3>
          <p className="text-sm text-gray-700">{t("actions.closeHint")}</p>
          <SelectField id="close-reason" label={t("actions.closeReason")} defaultValue="" errors={errors.fieldErrors.closeReason}>
            <option value="">{t("actions.choose")}</option>
            {TICKET_CLOSE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`ticket.closeReasons.${r}`)}
              </option>
            ))}
          </SelectField>
          {complaint ? (
            <SelectField id="close-decision" label={t("actions.decisionOptional")} defaultValue="">
              <option value="">{t("actions.none")}</option>
              {COMPLAINT_DECISIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`ticket.decisions.${d}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("actions.closeSubmit")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
