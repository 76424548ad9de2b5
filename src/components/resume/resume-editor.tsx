"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type FormEvent } from "react";
import type { z } from "zod";

import { localName } from "@/lib/local-name";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { licenceLabel } from "@/lib/format";
import {
  ABOUT_MAX_CHARS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  LANGUAGE_LEVELS,
  LICENCE_CATEGORIES,
  MAX_EDUCATIONS,
  MAX_EXPERIENCES,
  MAX_LANGUAGES,
  RESUME_LANGUAGES,
  RESUME_VISIBILITIES,
  WORK_SCHEDULES,
  resumeInputSchema,
  type ResumeInput,
} from "@/lib/validation/resume";
import { trpc } from "@/trpc/react";

import type { ResumeFormValues } from "./form-values";
import { languageName as languageNameIn } from "./resume-format";

type Option = { id: number; name: string };
type Group = { id: number; name: string; children: Option[] };

interface ExperienceRow {
  key: number;
  company: string;
  position: string;
  startedOn: string;
  endedOn: string;
  current: boolean;
  description: string;
}
interface EducationRow {
  key: number;
  level: string;
  institution: string;
  speciality: string;
  graduationYear: string;
}
interface LanguageRow {
  key: number;
  language: string;
  level: string;
}

let nextKey = 1;
const withKey = <T,>(row: T) => ({ ...row, key: nextKey++ });

const amount = (value: string): number | null => {
  const digits = value.replace(/[\s\u00A0]/g, "");
  if (digits === "") return null;
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
};
const year = (value: string): number | null => (value.trim() === "" ? null : Number(value.trim()));

const checkboxRow = "flex items-center gap-2 text-sm";
const sectionClass = "flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-4";

export function ResumeEditor(props: {
  resumeId: number | null;
  values: ResumeFormValues;
  cities: Option[];
  regions: Option[];
  specializations: Group[];
}) {
  const t = useTranslations("resumes");
  const tv = useTranslations("vacancy");
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const formId = useId();

  const v = props.values;
  const [title, setTitle] = useState(v.title);
  const [desiredSalary, setDesiredSalary] = useState(v.desiredSalary);
  const [cityId, setCityId] = useState(v.cityId);
  const [regions, setRegions] = useState<number[]>(v.relocationRegionIds);
  const [specializations, setSpecializations] = useState<number[]>(v.specializationIds);
  const [employment, setEmployment] = useState<string[]>(v.employmentTypes);
  const [schedules, setSchedules] = useState<string[]>(v.schedules);
  const [experiences, setExperiences] = useState<ExperienceRow[]>(() => v.experiences.map(withKey));
  const [educations, setEducations] = useState<EducationRow[]>(() => v.educations.map(withKey));
  const [languages, setLanguages] = useState<LanguageRow[]>(() => v.languages.map(withKey));
  const [skills, setSkills] = useState(v.skills);
  const [licences, setLicences] = useState<Record<string, string | undefined>>(() =>
    Object.fromEntries(v.licences.map((l) => [l.category, l.yearObtained])),
  );
  const [about, setAbout] = useState(v.about);
  const [visibility, setVisibility] = useState(v.visibility);
  const [hidden, setHidden] = useState<Option[]>(v.hidden);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const translate = (key: string) => (tAll.has(key) ? tAll(key) : tAll("errors.invalidInput"));
  const languageName = (code: string) => languageNameIn(code, locale);

  const onSaved = (result: { id: number }) => {
    router.push(`/${locale}/seeker/resumes/${result.id}?saved=1`);
  };
  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null }) => {
    const server = error.data?.fieldErrors ?? {};
    setErrors(Object.fromEntries(Object.entries(server).map(([k, list]) => [k, list ?? []])));
    setFormError(error.message);
  };
  const create = trpc.seeker.resumes.create.useMutation({ onSuccess: onSaved, onError });
  const update = trpc.seeker.resumes.update.useMutation({ onSuccess: onSaved, onError });

  function toInput(): ResumeInput {
    return {
      title,
      desiredSalary: amount(desiredSalary),
      cityId: cityId === "" ? null : Number(cityId),
      relocationRegionIds: regions,
      specializationIds: specializations,
      employmentTypes: employment as ResumeInput["employmentTypes"],
      schedules: schedules as ResumeInput["schedules"],
      experiences: experiences.map((e) => ({
        company: e.company,
        position: e.position,
        startedOn: e.startedOn,
        endedOn: e.current ? null : e.endedOn,
        description: e.description,
      })),
      educations: educations.map((e) => ({
        level: e.level as ResumeInput["educations"][number]["level"],
        institution: e.institution,
        speciality: e.speciality,
        graduationYear: year(e.graduationYear),
      })),
      languages: languages.map((l) => ({
        language: l.language as ResumeInput["languages"][number]["language"],
        level: l.level as ResumeInput["languages"][number]["level"],
      })),
      skills: skills
        .split(/[,\n;]/)
        .map((s) => s.trim())
        .filter(Boolean),
      licences: LICENCE_CATEGORIES.filter((c) => licences[c] !== undefined).map((category) => ({
        category,
        yearObtained: year(licences[category] ?? ""),
      })),
      about,
      visibility: visibility as ResumeInput["visibility"],
      hiddenOrganizationIds: hidden.map((o) => o.id),
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const result = resumeInputSchema.safeParse(toInput());
    if (!result.success) {
      setErrors(pathErrors(result.error, translate));
      setFormError(tAll("errors.checkFields"));
      // Move focus to the first field with an error, so keyboard and screen reader users land on it.
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus();
      });
      return;
    }
    setErrors({});
    const resume = toInput();
    if (props.resumeId === null) create.mutate(resume);
    else update.mutate({ resumeId: props.resumeId, resume });
  }

  const err = (path: string) => errors[path];
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));
  const pending = create.isPending || update.isPending;

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError ? <Alert tone="error">{formError}</Alert> : null}

      <section aria-labelledby={`${formId}-main`} className={sectionClass}>
        <h2 id={`${formId}-main`} className="text-lg font-semibold">
          {t("editor.main")}
        </h2>
        <Field
          id="title"
          label={t("editor.title")}
          hint={t("editor.titleHint")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={150}
          required
          errors={err("title")}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            id="desiredSalary"
            label={t("editor.salary")}
            hint={t("editor.salaryHint")}
            inputMode="numeric"
            value={desiredSalary}
            onChange={(e) => setDesiredSalary(e.target.value)}
            errors={err("desiredSalary")}
          />
          <SelectField
            id="cityId"
            label={t("editor.city")}
            value={cityId}
            onChange={(e) => setCityId(e.target.value)}
            errors={err("cityId")}
          >
            <option value="">{t("editor.chooseCity")}</option>
            {props.cities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField
          id="specializationIds"
          label={t("editor.specializations")}
          hint={t("editor.specializationsHint")}
          multiple
          size={8}
          value={specializations.map(String)}
          onChange={(e) => setSpecializations([...e.target.selectedOptions].map((o) => Number(o.value)))}
          errors={err("specializationIds")}
        >
          {props.specializations.map((group) => (
            <optgroup key={group.id} label={group.name}>
              {group.children.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <CheckGroup
            legend={t("editor.employment")}
            errors={err("employmentTypes")}
            options={EMPLOYMENT_TYPES.map((value) => ({ value, label: tv(`employment.${value}`) }))}
            selected={employment}
            onToggle={(value, on) => setEmployment((list) => toggle(list, value, on))}
            name="employmentTypes"
          />
          <CheckGroup
            legend={t("editor.schedules")}
            options={WORK_SCHEDULES.map((value) => ({ value, label: tv(`schedule.${value}`) }))}
            selected={schedules}
            onToggle={(value, on) => setSchedules((list) => toggle(list, value, on))}
            name="schedules"
          />
        </div>
        <details className="rounded-md border border-gray-200 p-3" open={regions.length > 0}>
          <summary className="cursor-pointer text-sm font-medium">
            {t("editor.relocation")} {regions.length ? `(${regions.length})` : ""}
          </summary>
          <fieldset className="mt-3">
            <legend className="sr-only">{t("editor.relocation")}</legend>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {props.regions.map((region) => (
                <label key={region.id} className={checkboxRow}>
                  <input
                    type="checkbox"
                    name="relocationRegionIds"
                    value={region.id}
                    checked={regions.includes(region.id)}
                    onChange={(e) =>
                      setRegions((list) => (e.target.checked ? [...list, region.id] : list.filter((x) => x !== region.id)))
                    }
                  />
                  {region.name}
                </label>
              ))}
            </div>
          </fieldset>
        </details>
      </section>

      <section aria-labelledby={`${formId}-licences`} className={sectionClass}>
        <h2 id={`${formId}-licences`} className="text-lg font-semibold">
          {t("editor.licences")}
        </h2>
        <p className="text-sm text-gray-700">{t("editor.licencesHint")}</p>
        {err("licences") ? <p className="text-sm text-red-700">{err("licences")?.join(" ")}</p> : null}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          {LICENCE_CATEGORIES.map((category) => {
            const checked = licences[category] !== undefined;
            const index = LICENCE_CATEGORIES.filter((c) => licences[c] !== undefined).indexOf(category);
            const yearErrors = checked ? err(`licences.${index}.yearObtained`) : undefined;
            const label = licenceLabel(category);
            return (
              <div key={category} className="flex flex-col gap-1 rounded-md border border-gray-200 p-2">
                <label className={checkboxRow}>
                  <input
                    type="checkbox"
                    name="licences"
                    value={category}
                    checked={checked}
                    onChange={(e) =>
                      setLicences((map) => {
                        const next = { ...map };
                        if (e.target.checked) next[category] = "";
                        else delete next[category];
                        return next;
                      })
                    }
                  />
                  {t("editor.category", { category: label })}
                </label>
                {checked ? (
                  <Field
                    id={`licence-${category}-year`}
                    label={t("editor.licenceYear")}
                    inputMode="numeric"
                    maxLength={4}
                    value={licences[category] ?? ""}
                    onChange={(e) => setLicences((map) => ({ ...map, [category]: e.target.value }))}
                    errors={yearErrors}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </section>

      <section aria-labelledby={`${formId}-experience`} className={sectionClass}>
        <h2 id={`${formId}-experience`} className="text-lg font-semibold">
          {t("editor.experience")}
        </h2>
        {experiences.length === 0 ? <p className="text-sm text-gray-700">{t("editor.noExperience")}</p> : null}
        {experiences.map((row, index) => {
          const set = (patch: Partial<ExperienceRow>) =>
            setExperiences((list) => list.map((x) => (x.key === row.key ? { ...x, ...patch } : x)));
          const p = `experiences.${index}`;
          return (
            <fieldset key={row.key} className="flex flex-col gap-3 rounded-md border border-gray-200 p-3">
              <legend className="px-1 text-sm font-medium">{t("editor.job", { n: index + 1 })}</legend>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                <Field
                  id={`exp-${row.key}-position`}
                  label={t("editor.position")}
                  value={row.position}
                  maxLength={150}
                  onChange={(e) => set({ position: e.target.value })}
                  errors={err(`${p}.position`)}
                />
                <Field
                  id={`exp-${row.key}-company`}
                  label={t("editor.company")}
                  value={row.company}
                  maxLength={160}
                  onChange={(e) => set({ company: e.target.value })}
                  errors={err(`${p}.company`)}
                />
                <Field
                  id={`exp-${row.key}-start`}
                  label={t("editor.startedOn")}
                  hint={t("editor.monthHint")}
                  type="month"
                  placeholder="2021-03"
                  value={row.startedOn}
                  onChange={(e) => set({ startedOn: e.target.value })}
                  errors={err(`${p}.startedOn`)}
                />
                {row.current ? null : (
                  <Field
                    id={`exp-${row.key}-end`}
                    label={t("editor.endedOn")}
                    hint={t("editor.monthHint")}
                    type="month"
                    placeholder="2024-02"
                    value={row.endedOn}
                    onChange={(e) => set({ endedOn: e.target.value })}
                    errors={err(`${p}.endedOn`)}
                  />
                )}
              </div>
              <label className={checkboxRow}>
                <input type="checkbox" checked={row.current} onChange={(e) => set({ current: e.target.checked })} />
                {t("editor.current")}
              </label>
              <TextAreaField
                id={`exp-${row.key}-description`}
                label={t("editor.duties")}
                rows={3}
                maxLength={4000}
                value={row.description}
                onChange={(e) => set({ description: e.target.value })}
                errors={err(`${p}.description`)}
              />
              <RowButtons
                index={index}
                count={experiences.length}
                label={row.position || t("editor.job", { n: index + 1 })}
                onMove={(to) => setExperiences((list) => move(list, index, to))}
                onRemove={() => setExperiences((list) => list.filter((x) => x.key !== row.key))}
              />
            </fieldset>
          );
        })}
        {experiences.length < MAX_EXPERIENCES ? (
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() =>
              setExperiences((list) => [
                ...list,
                withKey({ company: "", position: "", startedOn: "", endedOn: "", current: false, description: "" }),
              ])
            }
          >
            {t("editor.addJob")}
          </Button>
        ) : null}
      </section>

      <section aria-labelledby={`${formId}-education`} className={sectionClass}>
        <h2 id={`${formId}-education`} className="text-lg font-semibold">
          {t("editor.education")}
        </h2>
        {educations.map((row, index) => {
          const set = (patch: Partial<EducationRow>) =>
            setEducations((list) => list.map((x) => (x.key === row.key ? { ...x, ...patch } : x)));
          const p = `educations.${index}`;
          return (
            <fieldset key={row.key} className="flex flex-col gap-3 rounded-md border border-gray-200 p-3">
              <legend className="px-1 text-sm font-medium">{t("editor.school", { n: index + 1 })}</legend>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                <SelectField
                  id={`edu-${row.key}-level`}
                  label={t("editor.level")}
                  value={row.level}
                  onChange={(e) => set({ level: e.target.value })}
                  errors={err(`${p}.level`)}
                >
                  {EDUCATION_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`education.${level}`)}
                    </option>
                  ))}
                </SelectField>
                <Field
                  id={`edu-${row.key}-year`}
                  label={t("editor.graduationYear")}
                  inputMode="numeric"
                  maxLength={4}
                  value={row.graduationYear}
                  onChange={(e) => set({ graduationYear: e.target.value })}
                  errors={err(`${p}.graduationYear`)}
                />
                <Field
                  id={`edu-${row.key}-institution`}
                  label={t("editor.institution")}
                  value={row.institution}
                  maxLength={200}
                  onChange={(e) => set({ institution: e.target.value })}
                  errors={err(`${p}.institution`)}
                />
                <Field
                  id={`edu-${row.key}-speciality`}
                  label={t("editor.speciality")}
                  value={row.speciality}
                  maxLength={200}
                  onChange={(e) => set({ speciality: e.target.value })}
                  errors={err(`${p}.speciality`)}
                />
              </div>
              <RowButtons
                index={index}
                count={educations.length}
                label={row.institution || t("editor.school", { n: index + 1 })}
                onMove={(to) => setEducations((list) => move(list, index, to))}
                onRemove={() => setEducations((list) => list.filter((x) => x.key !== row.key))}
              />
            </fieldset>
          );
        })}
        {educations.length < MAX_EDUCATIONS ? (
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() =>
              setEducations((list) => [
                ...list,
                withKey({ level: "VOCATIONAL", institution: "", speciality: "", graduationYear: "" }),
              ])
            }
          >
            {t("editor.addSchool")}
          </Button>
        ) : null}
      </section>

      <section aria-labelledby={`${formId}-skills`} className={sectionClass}>
        <h2 id={`${formId}-skills`} className="text-lg font-semibold">
          {t("editor.languagesAndSkills")}
        </h2>
        {err("languages") ? <p className="text-sm text-red-700">{err("languages")?.join(" ")}</p> : null}
        {languages.map((row) => {
          const set = (patch: Partial<LanguageRow>) =>
            setLanguages((list) => list.map((x) => (x.key === row.key ? { ...x, ...patch } : x)));
          return (
            <div key={row.key} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
              <SelectField
                id={`lang-${row.key}`}
                label={t("editor.language")}
                value={row.language}
                onChange={(e) => set({ language: e.target.value })}
              >
                {RESUME_LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`lang-${row.key}-level`}
                label={t("editor.languageLevel")}
                value={row.level}
                onChange={(e) => set({ level: e.target.value })}
              >
                {LANGUAGE_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`languageLevel.${level}`)}
                  </option>
                ))}
              </SelectField>
              <Button
                type="button"
                variant="secondary"
                aria-label={t("editor.removeNamed", { name: languageName(row.language) })}
                onClick={() => setLanguages((list) => list.filter((x) => x.key !== row.key))}
              >
                {t("editor.remove")}
              </Button>
            </div>
          );
        })}
        {languages.length < MAX_LANGUAGES ? (
          <Button
            type="button"
            variant="secondary"
            className="self-start"
            onClick={() => {
              const used = new Set(languages.map((l) => l.language));
              const language = RESUME_LANGUAGES.find((code) => !used.has(code)) ?? "en";
              setLanguages((list) => [...list, withKey({ language, level: "B1" })]);
            }}
          >
            {t("editor.addLanguage")}
          </Button>
        ) : null}
        <TextAreaField
          id="skills"
          label={t("editor.skills")}
          hint={t("editor.skillsHint")}
          rows={3}
          value={skills}
          onChange={(e) => setSkills(e.target.value)}
          errors={err("skills") ?? Object.entries(errors).find(([k]) => k.startsWith("skills."))?.[1]}
        />
        <TextAreaField
          id="about"
          label={t("editor.about")}
          hint={t("editor.aboutHint", { max: ABOUT_MAX_CHARS })}
          rows={6}
          maxLength={ABOUT_MAX_CHARS}
          value={about}
          onChange={(e) => setAbout(e.target.value)}
          errors={err("about")}
        />
      </section>

      <section aria-labelledby={`${formId}-visibility`} className={sectionClass}>
        <h2 id={`${formId}-visibility`} className="text-lg font-semibold">
          {t("editor.visibility")}
        </h2>
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{t("editor.visibility")}</legend>
          {RESUME_VISIBILITIES.map((value) => (
            <label key={value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="visibility"
                value={value}
                className="mt-1"
                checked={visibility === value}
                onChange={() => setVisibility(value)}
              />
              <span>
                <span className="font-medium">{t(`visibility.${value}`)}</span>
                <span className="block text-gray-700">{t(`visibilityHint.${value}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {visibility === "ALL_EXCEPT" ? (
          <HiddenOrganizations hidden={hidden} onChange={setHidden} errors={err("hiddenOrganizationIds")} />
        ) : null}
      </section>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("editor.saving") : t("editor.save")}
        </Button>
      </div>
    </form>
  );
}

/** Zod issues keyed by their full path ("experiences.0.position"), translated. */
function pathErrors(error: z.ZodError, translate: (key: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (out[key] ??= []).push(translate(issue.message));
  }
  return out;
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function RowButtons(props: { index: number; count: number; label: string; onMove: (to: number) => void; onRemove: () => void }) {
  const t = useTranslations("resumes.editor");
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={props.index === 0}
        aria-label={t("moveUpNamed", { name: props.label })}
        onClick={() => props.onMove(props.index - 1)}
      >
        {t("moveUp")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        disabled={props.index === props.count - 1}
        aria-label={t("moveDownNamed", { name: props.label })}
        onClick={() => props.onMove(props.index + 1)}
      >
        {t("moveDown")}
      </Button>
      <Button type="button" variant="secondary" aria-label={t("removeNamed", { name: props.label })} onClick={props.onRemove}>
        {t("remove")}
      </Button>
    </div>
  );
}

function CheckGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
  errors?: string[];
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={props.errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium text-gray-800">{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={checkboxRow}>
          <input
            type="checkbox"
            name={props.name}
            value={option.value}
            checked={props.selected.includes(option.value)}
            aria-invalid={props.errors?.length ? true : undefined}
            onChange={(e) => props.onToggle(option.value, e.target.checked)}
          />
          {option.label}
        </label>
      ))}
      {props.errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {props.errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Picks the organisations an "all except" resume is hidden from, by name. */
function HiddenOrganizations(props: { hidden: Option[]; onChange: (list: Option[]) => void; errors?: string[] }) {
  const t = useTranslations("resumes.editor");
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTerm(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const found = trpc.seeker.resumes.organizations.useQuery({ query: term }, { enabled: term.length >= 2 });
  const chosen = new Set(props.hidden.map((o) => o.id));
  return (
    <div className="flex flex-col gap-3">
      {props.hidden.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("hiddenFrom")}>
          {props.hidden.map((org) => (
            <li key={org.id} className="flex items-center gap-1 rounded-full bg-gray-100 py-1 pr-1 pl-3 text-sm">
              {org.name}
              <button
                type="button"
                className="rounded-full px-2 py-0.5 hover:bg-gray-200"
                aria-label={t("unhide", { name: org.name })}
                onClick={() => props.onChange(props.hidden.filter((o) => o.id !== org.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        id="hiddenOrganizationIds"
        label={t("findOrganization")}
        hint={t("findOrganizationHint")}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        errors={props.errors}
      />
      <div aria-live="polite">
        {term.length >= 2 && found.data ? (
          found.data.length ? (
            <ul className="flex flex-col gap-1">
              {found.data.map((org) => (
                <li key={org.id} className="flex items-center justify-between gap-2 text-sm">
                  <span>
                    {org.displayName}
                    {org.city ? <span className="text-gray-600"> · {localName(org.city, locale)}</span> : null}
                  </span>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={chosen.has(org.id)}
                    onClick={() => props.onChange([...props.hidden, { id: org.id, name: org.displayName }])}
                  >
                    {chosen.has(org.id) ? t("hidden") : t("hide")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-700">{t("nothingFound")}</p>
          )
        ) : null}
      </div>
    </div>
  );
}
