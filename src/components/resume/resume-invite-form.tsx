"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { useNotice } from "@/components/ui/page-notice";
import { invitationSchema } from "@/lib/validation/applications";
import { trpc } from "@/trpc/react";

export interface InvitableVacancy {
  id: number;
  title: string;
  invitations: number;
  full: boolean;
  alreadyThere: boolean;
}

/**
 * An owner or a manager invites the seeker of the resume on the page to one of the organisation's
 * open vacancies, with a message that starts from the platform's wording for the chosen vacancy.
 */
export function ResumeInviteForm(props: {
  organizationId: number;
  resumeId: string;
  vacancies: InvitableVacancy[];
  max: number;
}) {
  const t = useTranslations("resumes.employerView.invite");
  const router = useRouter();
  const errors = useFormErrors();
  const notice = useNotice();
  const [vacancyId, setVacancyId] = useState("");
  const [message, setMessage] = useState("");
  const [edited, setEdited] = useState(false);
  const invite = trpc.employer.resumes.invite.useMutation({
    onMutate: () => notice.show(null),
    onError: (error) => errors.fromServer(error),
    onSuccess: (result, input) => {
      const title = props.vacancies.find((v) => v.id === input.vacancyId)?.title ?? "";
      notice.show(result.emailDelivered ? t("sent", { vacancy: title }) : t("notDelivered"));
      setVacancyId("");
      setMessage("");
      setEdited(false);
      router.refresh();
    },
  });

  function choose(value: string) {
    setVacancyId(value);
    const vacancy = props.vacancies.find((v) => String(v.id) === value);
    // The default wording follows the chosen vacancy until the member writes their own.
    if (!edited) setMessage(vacancy ? t("defaultMessage", { vacancy: vacancy.title }) : "");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const input = errors.validate(invitationSchema, {
      resumePublicId: props.resumeId,
      vacancyId: vacancyId ? Number(vacancyId) : undefined,
      message,
    });
    if (input) invite.mutate({ ...input, organizationId: props.organizationId });
  }

  return (
    <section
      aria-labelledby="resume-invite-title"
      className="print-hidden flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4"
    >
      <h2 id="resume-invite-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {notice.region}
      {props.vacancies.length === 0 ? (
        <p className="text-gray-700">{t("noVacancies")}</p>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3">
          {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
          <SelectField
            id="resume-invite-vacancy"
            name="vacancyId"
            label={t("vacancy")}
            errors={errors.fieldErrors.vacancyId}
            value={vacancyId}
            onChange={(event) => choose(event.target.value)}
            required
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {props.vacancies.map((v) => (
              <option key={v.id} value={v.id} disabled={v.full || v.alreadyThere}>
                {v.full
                  ? t("full", { title: v.title })
                  : v.alreadyThere
                    ? t("alreadyThere", { title: v.title })
                    : t("invitations", { title: v.title, count: v.invitations, max: props.max })}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="resume-invite-message"
            name="message"
            rows={5}
            maxLength={4000}
            label={t("message")}
            hint={t("hint")}
            errors={errors.fieldErrors.message}
            value={message}
            onChange={(event) => {
              setMessage(event.target.value);
              setEdited(true);
            }}
            required
          />
          <Button type="submit" disabled={invite.isPending} className="self-start">
            {t("submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
