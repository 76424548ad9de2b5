"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import type { LicenceCategory } from "@/generated/prisma/enums";
import { useRouter } from "@/i18n/client-navigation";
import { LICENCE_CATEGORIES_LAW_ORDER } from "@/lib/schools/licence-categories";
import { groupInputSchema } from "@/lib/validation/school";
import { trpc } from "@/trpc/react";

export interface GroupFormValues {
  name: string;
  category: LicenceCategory;
  startsOn: string;
  endsOn: string;
  instructorId: number | null;
  schedule: string | null;
}

/** A group of the school: creates one, or edits `groupId`; back to the list when saved. */
export function GroupForm(props: {
  organizationId: number;
  groupId?: number;
  values?: GroupFormValues;
  instructors: { membershipId: number; name: string }[];
}) {
  const t = useTranslations("schoolRegistry.groups");
  const router = useRouter();
  const errors = useFormErrors();
  const done = () => {
    router.push(`/employer/${props.organizationId}/groups`);
    router.refresh();
  };
  const create = trpc.school.groups.create.useMutation({ onError: errors.fromServer, onSuccess: done });
  const update = trpc.school.groups.update.useMutation({ onError: errors.fromServer, onSuccess: done });
  const v = props.values;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const instructor = String(form.get("instructorId") ?? "");
    const group = errors.validate(groupInputSchema, {
      name: form.get("name"),
      category: form.get("category"),
      startsOn: form.get("startsOn"),
      endsOn: form.get("endsOn"),
      instructorId: instructor ? Number(instructor) : null,
      schedule: form.get("schedule"),
    });
    if (!group) return;
    if (props.groupId) update.mutate({ organizationId: props.organizationId, groupId: props.groupId, group });
    else create.mutate({ organizationId: props.organizationId, group });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field id="name" label={t("name")} defaultValue={v?.name} required maxLength={60} errors={errors.fieldErrors.name} />
      <SelectField id="category" label={t("category")} defaultValue={v?.category ?? "B"} errors={errors.fieldErrors.category}>
        {LICENCE_CATEGORIES_LAW_ORDER.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="startsOn"
          type="date"
          label={t("startsOn")}
          defaultValue={v?.startsOn}
          required
          errors={errors.fieldErrors.startsOn}
        />
        <Field id="endsOn" type="date" label={t("endsOn")} defaultValue={v?.endsOn} required errors={errors.fieldErrors.endsOn} />
      </div>
      <SelectField
        id="instructorId"
        label={t("instructor")}
        defaultValue={v?.instructorId ?? ""}
        errors={errors.fieldErrors.instructorId}
      >
        <option value="">{t("noInstructor")}</option>
        {props.instructors.map((i) => (
          <option key={i.membershipId} value={i.membershipId}>
            {i.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="schedule"
        label={t("schedule")}
        hint={t("scheduleHint")}
        defaultValue={v?.schedule ?? ""}
        maxLength={1000}
        rows={3}
        errors={errors.fieldErrors.schedule}
      />
      <Button type="submit" disabled={create.isPending || update.isPending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
