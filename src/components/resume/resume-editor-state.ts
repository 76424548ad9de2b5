import type { z } from "zod";

import { LICENCE_CATEGORIES, RESUME_LANGUAGES, type ResumeInput } from "@/lib/validation/resume";

import type { ResumeFormValues } from "./form-values";

export type Option = { id: number; name: string };

export interface ExperienceRow {
  key: number;
  company: string;
  position: string;
  startedOn: string;
  endedOn: string;
  current: boolean;
  description: string;
}
export interface EducationRow {
  key: number;
  level: string;
  institution: string;
  speciality: string;
  graduationYear: string;
}
export interface LanguageRow {
  key: number;
  language: string;
  level: string;
}

export interface ResumeEditorState {
  title: string;
  desiredSalary: string;
  cityId: string;
  relocationRegionIds: number[];
  specializationIds: number[];
  employmentTypes: string[];
  schedules: string[];
  experiences: ExperienceRow[];
  educations: EducationRow[];
  languages: LanguageRow[];
  skills: string;
  /** Checked categories map to the year as typed ("" until one is); unchecked ones are absent. */
  licences: Record<string, string | undefined>;
  about: string;
  visibility: string;
  hidden: Option[];
  /** Messages keyed by the schema path of the field they belong to ("experiences.0.position"). */
  errors: Record<string, string[]>;
  formError: string | null;
}

export type TextField = "title" | "desiredSalary" | "cityId" | "skills" | "about" | "visibility";
export type ChoiceList = "employmentTypes" | "schedules";
export type RowList = "experiences" | "educations" | "languages";

export type ResumeEditorAction =
  | { type: "setText"; field: TextField; value: string }
  | { type: "setSpecializations"; ids: number[] }
  | { type: "toggleChoice"; list: ChoiceList; value: string; on: boolean }
  | { type: "toggleRegion"; id: number; on: boolean }
  | { type: "toggleLicence"; category: string; on: boolean }
  | { type: "setLicenceYear"; category: string; year: string }
  | { type: "addExperience"; key: number }
  | { type: "addEducation"; key: number }
  | { type: "addLanguage"; key: number }
  | { type: "updateRow"; list: "experiences"; key: number; patch: Partial<Omit<ExperienceRow, "key">> }
  | { type: "updateRow"; list: "educations"; key: number; patch: Partial<Omit<EducationRow, "key">> }
  | { type: "updateRow"; list: "languages"; key: number; patch: Partial<Omit<LanguageRow, "key">> }
  | { type: "moveRow"; list: RowList; from: number; to: number }
  | { type: "removeRow"; list: RowList; key: number }
  | { type: "setHidden"; hidden: Option[] }
  | { type: "validationFailed"; errors: Record<string, string[]>; formError: string }
  | { type: "validationPassed" }
  | { type: "saveFailed"; errors: Record<string, string[]>; formError: string };

// Row keys name the rows' DOM ids and React keys, so they stay unique for the whole page session.
// Handing them out here rather than in the reducer keeps the reducer pure.
let lastKey = 0;
export const nextRowKey = (): number => ++lastKey;

const withKey = <T extends object>(row: T): T & { key: number } => ({ ...row, key: nextRowKey() });

export function initialEditorState(values: ResumeFormValues): ResumeEditorState {
  return {
    title: values.title,
    desiredSalary: values.desiredSalary,
    cityId: values.cityId,
    relocationRegionIds: values.relocationRegionIds,
    specializationIds: values.specializationIds,
    employmentTypes: values.employmentTypes,
    schedules: values.schedules,
    experiences: values.experiences.map(withKey),
    educations: values.educations.map(withKey),
    languages: values.languages.map(withKey),
    skills: values.skills,
    licences: Object.fromEntries(values.licences.map((l) => [l.category, l.yearObtained])),
    about: values.about,
    visibility: values.visibility,
    hidden: values.hidden,
    errors: {},
    formError: null,
  };
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

function mapRows(
  state: ResumeEditorState,
  list: RowList,
  change: <T extends { key: number }>(rows: T[]) => T[],
): ResumeEditorState {
  switch (list) {
    case "experiences":
      return { ...state, experiences: change(state.experiences) };
    case "educations":
      return { ...state, educations: change(state.educations) };
    case "languages":
      return { ...state, languages: change(state.languages) };
  }
}

function patchRow<T extends { key: number }>(rows: T[], key: number, patch: Partial<Omit<T, "key">>): T[] {
  return rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
}

function updateRow(state: ResumeEditorState, action: Extract<ResumeEditorAction, { type: "updateRow" }>): ResumeEditorState {
  switch (action.list) {
    case "experiences":
      return { ...state, experiences: patchRow<ExperienceRow>(state.experiences, action.key, action.patch) };
    case "educations":
      return { ...state, educations: patchRow<EducationRow>(state.educations, action.key, action.patch) };
    case "languages":
      return { ...state, languages: patchRow<LanguageRow>(state.languages, action.key, action.patch) };
  }
}

export function resumeEditorReducer(state: ResumeEditorState, action: ResumeEditorAction): ResumeEditorState {
  switch (action.type) {
    case "setText":
      return { ...state, [action.field]: action.value };
    case "setSpecializations":
      return { ...state, specializationIds: action.ids };
    case "toggleChoice": {
      const list = state[action.list];
      return {
        ...state,
        [action.list]: action.on ? [...list, action.value] : list.filter((x) => x !== action.value),
      };
    }
    case "toggleRegion": {
      const list = state.relocationRegionIds;
      return {
        ...state,
        relocationRegionIds: action.on ? [...list, action.id] : list.filter((x) => x !== action.id),
      };
    }
    case "toggleLicence": {
      const licences = { ...state.licences };
      if (action.on) licences[action.category] = "";
      else delete licences[action.category];
      return { ...state, licences };
    }
    case "setLicenceYear":
      return { ...state, licences: { ...state.licences, [action.category]: action.year } };
    case "addExperience":
      return {
        ...state,
        experiences: [
          ...state.experiences,
          { key: action.key, company: "", position: "", startedOn: "", endedOn: "", current: false, description: "" },
        ],
      };
    case "addEducation":
      return {
        ...state,
        educations: [
          ...state.educations,
          { key: action.key, level: "VOCATIONAL", institution: "", speciality: "", graduationYear: "" },
        ],
      };
    case "addLanguage": {
      // A new row offers the first language not listed yet, so it is not a duplicate from the start.
      const used = new Set(state.languages.map((l) => l.language));
      const language = RESUME_LANGUAGES.find((code) => !used.has(code)) ?? "en";
      return { ...state, languages: [...state.languages, { key: action.key, language, level: "B1" }] };
    }
    case "updateRow":
      return updateRow(state, action);
    case "moveRow":
      return mapRows(state, action.list, (rows) => moveItem(rows, action.from, action.to));
    case "removeRow":
      return mapRows(state, action.list, (rows) => rows.filter((row) => row.key !== action.key));
    case "setHidden":
      return { ...state, hidden: action.hidden };
    case "validationFailed":
    case "saveFailed":
      return { ...state, errors: action.errors, formError: action.formError };
    case "validationPassed":
      return { ...state, errors: {}, formError: null };
  }
}

const amount = (value: string): number | null => {
  const digits = value.replace(/[\s\u00A0]/g, "");
  if (digits === "") return null;
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
};
const year = (value: string): number | null => (value.trim() === "" ? null : Number(value.trim()));

/** The form's text as the shared schema's input; the schema, not this, decides what is valid. */
export function toResumeInput(state: ResumeEditorState): ResumeInput {
  return {
    title: state.title,
    desiredSalary: amount(state.desiredSalary),
    cityId: state.cityId === "" ? null : Number(state.cityId),
    relocationRegionIds: state.relocationRegionIds,
    specializationIds: state.specializationIds,
    employmentTypes: state.employmentTypes as ResumeInput["employmentTypes"],
    schedules: state.schedules as ResumeInput["schedules"],
    experiences: state.experiences.map((e) => ({
      company: e.company,
      position: e.position,
      startedOn: e.startedOn,
      endedOn: e.current ? null : e.endedOn,
      description: e.description,
    })),
    educations: state.educations.map((e) => ({
      level: e.level as ResumeInput["educations"][number]["level"],
      institution: e.institution,
      speciality: e.speciality,
      graduationYear: year(e.graduationYear),
    })),
    languages: state.languages.map((l) => ({
      language: l.language as ResumeInput["languages"][number]["language"],
      level: l.level as ResumeInput["languages"][number]["level"],
    })),
    skills: state.skills
      .split(/[,\n;]/)
      .map((s) => s.trim())
      .filter(Boolean),
    licences: LICENCE_CATEGORIES.filter((c) => state.licences[c] !== undefined).map((category) => ({
      category,
      yearObtained: year(state.licences[category] ?? ""),
    })),
    about: state.about,
    visibility: state.visibility as ResumeInput["visibility"],
    hiddenOrganizationIds: state.hidden.map((o) => o.id),
  };
}

/** Zod issues keyed by their full path ("experiences.0.position"), translated. */
export function pathErrors(error: z.ZodError, translate: (key: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    (out[key] ??= []).push(translate(issue.message));
  }
  return out;
}
