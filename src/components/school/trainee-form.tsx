"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { LicenceCategory, Sex } from "@/generated/prisma/enums";
import { useRouter } from "@/i18n/client-navigation";
import { almatyDay } from "@/lib/almaty-time";
import { isCalendarDay } from "@/lib/schools/calendar-day";
import { LICENCE_CATEGORIES_LAW_ORDER } from "@/lib/schools/licence-categories";
import { isMinor, traineeIssues } from "@/lib/schools/trainee-rules";
import { SEXES, traineeInputSchema } from "@/lib/validation/school";
import { trpc } from "@/trpc/react";

export interface TraineeFormValues {
  fullName: string;
  iin: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  category: LicenceCategory;
  groupId: number | null;
  guardian: { name: string; relation: string; consentOn: string } | null;
}

/**
 * A trainee's record: enrols one, or edits `traineeId`. The IIN's check digit and the birth date
 * and sex it encodes are checked here by the same rules as on the server, each problem shown on
 * its field; the guardian's consent is asked for while the birth date makes the trainee a minor.
 */
export function TraineeForm(props: {
  organizationId: number;
  traineeId?: number;
  values?: TraineeFormValues;
  groups: { id: number; name: string; category: LicenceCategory; endsOn: string }[];
}) {
  const t = useTranslations("schoolRegistry.trainee");
  const tSex = useTranslations("schoolRegistry.sex");
  const router = useRouter();
  const errors = useFormErrors();
  const v = props.values;
  const [birthDate, setBirthDate] = useState(v?.birthDate ?? "");
  const minor = isCalendarDay(birthDate) && isMinor(birthDate, almatyDay(new Date()));
  const done = (trainee: { id: number }) => {
    router.push(`/employer/${props.organizationId}/trainees/${trainee.id}`);
    router.refresh();
  };
  const create = trpc.school.trainees.create.useMutation({ onError: errors.fromServer, onSuccess: done });
  const update = trpc.school.trainees.update.useMutation({ onError: errors.fromServer, onSuccess: done });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const group = String(form.get("groupId") ?? "");
    const trainee = errors.validate(traineeInputSchema, {
      fullName: form.get("fullName"),
      iin: form.get("iin"),
      birthDate: form.get("birthDate"),
      sex: form.get("sex") || undefined,
      phone: form.get("phone"),
      email: form.get("email"),
      category: form.get("category"),
      groupId: group ? Number(group) : null,
      guardian: minor
        ? { name: form.get("guardianName"), relation: form.get("guardianRelation"), consentOn: form.get("guardianConsentOn") }
        : null,
    });
    if (!trainee) return;
    const issues = traineeIssues(trainee, {
      today: almatyDay(new Date()),
      courseEndsOn: props.groups.find((g) => g.id === trainee.groupId)?.endsOn ?? null,
    });
    if (issues.length > 0) {
      errors.fromIssues(issues);
      return;
    }
    if (props.traineeId) update.mutate({ organizationId: props.organizationId, traineeId: props.traineeId, trainee });
    else create.mutate({ organizationId: props.organizationId, trainee });
  }

  const fe = errors.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <Field
        id="fullName"
        label={t("fullName")}
        defaultValue={v?.fullName}
        required
        maxLength={200}
        autoComplete="off"
        errors={fe.fullName}
      />
      <Field
        id="iin"
        label={t("iin")}
        hint={t("iinHint")}
        defaultValue={v?.iin}
        inputMode="numeric"
        autoComplete="off"
        required
        maxLength={14}
        errors={fe.iin}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="birthDate"
          type="date"
          label={t("birthDate")}
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
          required
          errors={fe.birthDate}
        />
        <SelectField id="sex" label={t("sex")} defaultValue={v?.sex ?? ""} required errors={fe.sex}>
          <option value="">{t("choose")}</option>
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {tSex(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="phone" type="tel" label={t("phone")} defaultValue={v?.phone ?? ""} autoComplete="off" errors={fe.phone} />
        <Field id="email" type="email" label={t("email")} defaultValue={v?.email ?? ""} autoComplete="off" errors={fe.email} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="category" label={t("category")} defaultValue={v?.category ?? "B"} errors={fe.category}>
          {LICENCE_CATEGORIES_LAW_ORDER.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <SelectField id="groupId" label={t("group")} defaultValue={v?.groupId ?? ""} errors={fe.groupId}>
          <option value="">{t("noGroup")}</option>
          {props.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.category})
            </option>
          ))}
        </SelectField>
      </div>
      {minor ? (
        <fieldset className="flex flex-col gap-4 rounded-md border border-gray-300 p-4">
          <legend className="px-1 font-medium">{t("guardian")}</legend>
          <p className="text-sm text-gray-700">{t("guardianHint")}</p>
          <Field
            id="guardianName"
            label={t("guardianName")}
            defaultValue={v?.guardian?.name}
            required
            maxLength={200}
            autoComplete="off"
            errors={[...(fe.guardian ?? []), ...(fe["guardian.name"] ?? [])]}
          />
          <Field
            id="guardianRelation"
            label={t("guardianRelation")}
            hint={t("guardianRelationHint")}
            defaultValue={v?.guardian?.relation}
            required
            maxLength={60}
            errors={fe["guardian.relation"]}
          />
          <Field
            id="guardianConsentOn"
            type="date"
            label={t("guardianConsentOn")}
            defaultValue={v?.guardian?.consentOn}
            required
            errors={[...(fe.guardianConsentOn ?? []), ...(fe["guardian.consentOn"] ?? [])]}
          />
        </fieldset>
      ) : null}
      <Button type="submit" disabled={create.isPending || update.isPending} className="self-start">
        {t("save")}
      </Button>
    </form>
  );
}
