"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { RichTextEditor } from "@/components/ui/rich-text-editor";
import { Salary } from "@/components/vacancy/salary";
import { EmploymentType, Experience, LicenceCategory, PublicationType, WorkSchedule } from "@/generated/prisma/enums";
import { cleanVacancyDescription, detectProhibitedSchemes } from "@/lib/vacancy-text";
import { vacancyInputSchema } from "@/lib/validation/vacancy";
import { trpc } from "@/trpc/react";

export interface EditorOption {
  id: number;
  name: string;
}

export interface SpecializationGroup {
  id: number;
  name: string;
  children: EditorOption[];
}

export interface VacancyFormValues {
  title: string;
  language: "ru" | "kk";
  specializationIds: number[];
  cityId: number | null;
  address: string | null;
  salaryFrom: number | null;
  salaryTo: number | null;
  salaryGross: boolean;
  experience: string;
  employmentType: string;
  schedule: string;
  isRemote: boolean;
  licenceCategories: string[];
  description: string;
  publicationType: string;
  companyDescription: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

const selectClass = "rounded-md border border-gray-400 px-3 py-2 text-base";

function amount(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").replace(/[\s\u00a0]/g, "");
  if (text === "") return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The vacancy form with a live preview. The preview cleans the description with the same rules
 * the server applies (contacts and links removed, suspicious schemes flagged), so the employer
 * sees what will be published before saving.
 */
export function VacancyEditor(props: {
  organizationId: number;
  vacancyId: number | null;
  values: VacancyFormValues;
  cities: EditorOption[];
  specializations: SpecializationGroup[];
  readOnly: boolean;
}) {
  const t = useTranslations("employerVacancies");
  const tVacancy = useTranslations("vacancy");
  const tTypes = useTranslations("publicationTypes");
  const tFlags = useTranslations("moderationFlags");
  const tKinds = useTranslations("removedKinds");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [title, setTitle] = useState(props.values.title);
  // The editor's HTML is kept in a ref while typing and the preview follows a moment later, so a
  // keystroke never re-renders the whole form.
  const descriptionRef = useRef(props.values.description);
  const [description, setDescription] = useState(props.values.description);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(previewTimer.current), []);
  const onDescription = useCallback((html: string) => {
    descriptionRef.current = html;
    clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => setDescription(html), 250);
  }, []);
  const [salary, setSalary] = useState({
    from: props.values.salaryFrom,
    to: props.values.salaryTo,
    gross: props.values.salaryGross,
  });
  const [publicationType, setPublicationType] = useState(props.values.publicationType);
  const [notice, setNotice] = useState<string | null>(null);
  const preview = useMemo(() => {
    const cleaned = cleanVacancyDescription(description);
    return { ...cleaned, flags: detectProhibitedSchemes(cleaned.text) };
  }, [description]);

  const onSaved = (result: { id: number; backToModeration: boolean }) => {
    setNotice(result.backToModeration ? t("form.savedBack") : t("form.saved"));
    if (props.vacancyId === null) router.push(`/${locale}/employer/${props.organizationId}/vacancies/${result.id}`);
    else router.refresh();
  };
  const create = trpc.employer.vacancies.create.useMutation({ onError: errors.fromServer, onSuccess: onSaved });
  const update = trpc.employer.vacancies.update.useMutation({ onError: errors.fromServer, onSuccess: onSaved });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setNotice(null);
    const form = new FormData(event.currentTarget);
    const city = String(form.get("cityId") ?? "");
    const vacancy = errors.validate(vacancyInputSchema, {
      title: form.get("title"),
      language: form.get("language"),
      specializationIds: form.getAll("specializationIds").map(Number),
      cityId: city === "" ? undefined : Number(city),
      address: form.get("address"),
      salaryFrom: amount(form.get("salaryFrom")),
      salaryTo: amount(form.get("salaryTo")),
      salaryGross: form.get("salaryGross") === "on",
      experience: form.get("experience"),
      employmentType: form.get("employmentType"),
      schedule: form.get("schedule"),
      isRemote: form.get("isRemote") === "on",
      licenceCategories: form.getAll("licenceCategories"),
      description: descriptionRef.current,
      publicationType: form.get("publicationType"),
      companyDescription: form.get("companyDescription"),
      contactName: form.get("contactName"),
      contactPhone: form.get("contactPhone"),
      contactEmail: form.get("contactEmail"),
    });
    if (!vacancy) return;
    if (props.vacancyId === null) create.mutate({ organizationId: props.organizationId, vacancy });
    else update.mutate({ organizationId: props.organizationId, vacancyId: props.vacancyId, vacancy });
  }

  const v = props.values;
  const fe = errors.fieldErrors;
  const saved = create.data ?? update.data;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form onSubmit={onSubmit} noValidate className="flex min-w-0 flex-col gap-4">
        <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        {saved && saved.removed.length > 0 ? (
          <Alert tone="info">
            {t("form.removed", { items: saved.removed.map((r) => `${tKinds(r.kind)} ${r.value}`).join(", ") })}
          </Alert>
        ) : null}
        {/* min-w-0: a fieldset is at least as wide as its widest content by default (min-inline-size:
            min-content), so the specialization list's long option names pushed the form, and the
            page, past a phone's width. */}
        <fieldset disabled={props.readOnly} className="flex min-w-0 flex-col gap-4">
          <Field
            id="title"
            label={t("form.title")}
            hint={t("form.titleHint")}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            required
            maxLength={150}
            errors={fe.title}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="specializationIds" className="text-sm font-medium text-gray-800">
              {t("form.specializations")}
            </label>
            <select
              id="specializationIds"
              name="specializationIds"
              multiple
              size={8}
              defaultValue={v.specializationIds.map(String)}
              aria-invalid={fe.specializationIds?.length ? true : undefined}
              aria-describedby={fe.specializationIds?.length ? "specializationIds-error" : undefined}
              className={selectClass}
            >
              {props.specializations.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.children.map((spec) => (
                    <option key={spec.id} value={spec.id}>
                      {spec.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {fe.specializationIds?.length ? (
              <p id="specializationIds-error" className="text-sm text-red-700">
                {fe.specializationIds.join(" ")}
              </p>
            ) : null}
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <label htmlFor="cityId" className="text-sm font-medium text-gray-800">
                {t("form.city")}
              </label>
              <select
                id="cityId"
                name="cityId"
                defaultValue={v.cityId ?? ""}
                className={selectClass}
                aria-invalid={fe.cityId?.length ? true : undefined}
              >
                <option value="">{t("form.chooseCity")}</option>
                {props.cities.map((city) => (
                  <option key={city.id} value={city.id}>
                    {city.name}
                  </option>
                ))}
              </select>
              {fe.cityId?.length ? <p className="text-sm text-red-700">{fe.cityId.join(" ")}</p> : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="language" className="text-sm font-medium text-gray-800">
                {t("form.language")}
              </label>
              <select id="language" name="language" defaultValue={v.language} className={selectClass}>
                <option value="ru">Русский</option>
                <option value="kk">Қазақша</option>
              </select>
            </div>
          </div>
          <Field id="address" label={t("form.address")} defaultValue={v.address ?? ""} maxLength={255} errors={fe.address} />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field
              id="salaryFrom"
              label={t("form.salaryFrom")}
              hint={t("form.salaryHint")}
              inputMode="numeric"
              defaultValue={v.salaryFrom ?? ""}
              onChange={(event) => setSalary((s) => ({ ...s, from: amount(event.target.value) }))}
              errors={fe.salaryFrom}
            />
            <Field
              id="salaryTo"
              label={t("form.salaryTo")}
              inputMode="numeric"
              defaultValue={v.salaryTo ?? ""}
              onChange={(event) => setSalary((s) => ({ ...s, to: amount(event.target.value) }))}
              errors={fe.salaryTo}
            />
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="salaryGross"
              defaultChecked={v.salaryGross}
              onChange={(event) => setSalary((s) => ({ ...s, gross: event.target.checked }))}
            />
            {t("form.salaryGross")}
          </label>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            {(
              [
                ["experience", Experience, "experience"],
                ["employmentType", EmploymentType, "employment"],
                ["schedule", WorkSchedule, "schedule"],
              ] as const
            ).map(([name, options, labels]) => (
              <div key={name} className="flex flex-col gap-1">
                <label htmlFor={name} className="text-sm font-medium text-gray-800">
                  {t(`form.${labels}`)}
                </label>
                <select id={name} name={name} defaultValue={v[name]} className={selectClass}>
                  {Object.values(options).map((value) => (
                    <option key={value} value={value}>
                      {tVacancy(`${labels}.${value}` as "experience.NONE")}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="isRemote" defaultChecked={v.isRemote} />
            {t("form.remote")}
          </label>
          <fieldset className="flex min-w-0 flex-col gap-2">
            <legend className="text-sm font-medium text-gray-800">{t("form.licences")}</legend>
            <div className="flex flex-wrap gap-3">
              {Object.values(LicenceCategory).map((category) => (
                <label key={category} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    name="licenceCategories"
                    value={category}
                    defaultChecked={v.licenceCategories.includes(category)}
                  />
                  {category === "TM" ? "Tm" : category === "TB" ? "Tb" : category}
                </label>
              ))}
            </div>
          </fieldset>
          <RichTextEditor
            id="description"
            label={t("form.description")}
            hint={t("form.descriptionHint")}
            initialValue={props.values.description}
            onChange={onDescription}
            readOnly={props.readOnly}
            errors={fe.description}
          />
          <fieldset className="flex min-w-0 flex-col gap-2">
            <legend className="text-sm font-medium text-gray-800">{t("form.publicationType")}</legend>
            {Object.values(PublicationType).map((type) => (
              <label key={type} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="publicationType"
                  value={type}
                  className="mt-1"
                  checked={publicationType === type}
                  onChange={() => setPublicationType(type)}
                />
                {tTypes(type)}
              </label>
            ))}
          </fieldset>
          {publicationType === "ANONYMOUS" ? (
            <TextAreaField
              id="companyDescription"
              label={t("form.companyDescription")}
              rows={3}
              maxLength={2000}
              defaultValue={v.companyDescription ?? ""}
              errors={fe.companyDescription}
            />
          ) : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field
              id="contactName"
              label={t("form.contactName")}
              defaultValue={v.contactName ?? ""}
              maxLength={120}
              errors={fe.contactName}
            />
            <Field
              id="contactPhone"
              label={t("form.contactPhone")}
              type="tel"
              defaultValue={v.contactPhone ?? ""}
              errors={fe.contactPhone}
            />
            <Field
              id="contactEmail"
              label={t("form.contactEmail")}
              type="email"
              defaultValue={v.contactEmail ?? ""}
              errors={fe.contactEmail}
            />
          </div>
          {props.readOnly ? null : (
            <Button type="submit" disabled={create.isPending || update.isPending} className="self-start">
              {t("form.save")}
            </Button>
          )}
        </fieldset>
      </form>
      <aside
        aria-labelledby="preview-heading"
        className="flex min-w-0 flex-col gap-3 self-start rounded-lg border border-gray-200 bg-white p-4 lg:sticky lg:top-4"
      >
        <h2 id="preview-heading" className="text-sm font-semibold tracking-wide text-gray-700 uppercase">
          {t("form.preview")}
        </h2>
        <p className="text-xl font-semibold break-words">{title || "…"}</p>
        <Salary
          from={Number.isNaN(salary.from) ? null : salary.from}
          to={Number.isNaN(salary.to) ? null : salary.to}
          gross={salary.gross}
          className="font-medium"
        />
        {preview.text ? (
          <div className="prose-vacancy text-sm break-words" dangerouslySetInnerHTML={{ __html: preview.html }} />
        ) : (
          <p className="text-sm text-gray-600">{t("form.previewEmpty")}</p>
        )}
        {preview.removed.length > 0 ? (
          <p className="rounded-md bg-sky-50 p-2 text-sm text-sky-900">
            {t("form.removed", { items: preview.removed.map((r) => `${tKinds(r.kind)} ${r.value}`).join(", ") })}
          </p>
        ) : null}
        {preview.flags.length > 0 ? (
          <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">
            {t("form.flags", { flags: preview.flags.map((f) => tFlags(f)).join("; ") })}
          </p>
        ) : null}
      </aside>
    </div>
  );
}
