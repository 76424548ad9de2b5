import { describe, expect, it } from "vitest";

import { RESUME_LANGUAGES, resumeInputSchema } from "@/lib/validation/resume";

import { EMPTY_RESUME_FORM, type ResumeFormValues } from "./form-values";
import {
  initialEditorState,
  moveItem,
  nextRowKey,
  pathErrors,
  resumeEditorReducer,
  toResumeInput,
  type ResumeEditorAction,
  type ResumeEditorState,
} from "./resume-editor-state";

const experience = (position: string) => ({
  company: "ТОО «Жол Транс»",
  position,
  startedOn: "2019-04",
  endedOn: "2021-05",
  current: false,
  description: "",
});

function stateWith(values: Partial<ResumeFormValues>): ResumeEditorState {
  return initialEditorState({ ...EMPTY_RESUME_FORM, ...values });
}

function run(state: ResumeEditorState, ...actions: ResumeEditorAction[]): ResumeEditorState {
  return actions.reduce(resumeEditorReducer, state);
}

describe("initialEditorState", () => {
  it("gives every row a key unique across lists and maps licences by category", () => {
    const state = stateWith({
      experiences: [experience("Водитель"), experience("Экспедитор")],
      educations: [{ level: "VOCATIONAL", institution: "Колледж", speciality: "", graduationYear: "2010" }],
      languages: [{ language: "kk", level: "NATIVE" }],
      licences: [
        { category: "C", yearObtained: "2016" },
        { category: "B", yearObtained: "" },
      ],
    });
    const keys = [...state.experiences, ...state.educations, ...state.languages].map((row) => row.key);
    expect(new Set(keys).size).toBe(4);
    expect(state.licences).toEqual({ C: "2016", B: "" });
    expect(state.errors).toEqual({});
    expect(state.formError).toBeNull();
  });

  it("hands out keys that later rows never repeat", () => {
    const state = stateWith({ experiences: [experience("Водитель")] });
    expect(nextRowKey()).toBeGreaterThan(state.experiences[0]?.key ?? Infinity);
  });
});

describe("resumeEditorReducer", () => {
  it("toggles employment types and schedules on and off, keeping the order they were chosen in", () => {
    const state = run(
      stateWith({ employmentTypes: ["FULL_TIME"] }),
      { type: "toggleChoice", list: "employmentTypes", value: "PROJECT", on: true },
      { type: "toggleChoice", list: "employmentTypes", value: "FULL_TIME", on: false },
      { type: "toggleChoice", list: "schedules", value: "ROTATION", on: true },
    );
    expect(state.employmentTypes).toEqual(["PROJECT"]);
    expect(state.schedules).toEqual(["ROTATION"]);
  });

  it("toggles relocation regions", () => {
    const state = run(
      stateWith({ relocationRegionIds: [3] }),
      { type: "toggleRegion", id: 7, on: true },
      { type: "toggleRegion", id: 3, on: false },
    );
    expect(state.relocationRegionIds).toEqual([7]);
  });

  it("adds a licence category with no year yet, records its year and forgets it when unchecked", () => {
    let state = run(stateWith({}), { type: "toggleLicence", category: "CE", on: true });
    expect(state.licences).toEqual({ CE: "" });
    state = run(state, { type: "setLicenceYear", category: "CE", year: "2019" });
    expect(state.licences).toEqual({ CE: "2019" });
    state = run(state, { type: "toggleLicence", category: "CE", on: false });
    expect(state.licences).toEqual({});
    expect("CE" in state.licences).toBe(false);
  });

  it("adds empty experience and education rows with the keys it is given", () => {
    const state = run(stateWith({}), { type: "addExperience", key: 901 }, { type: "addEducation", key: 902 });
    expect(state.experiences).toEqual([
      { key: 901, company: "", position: "", startedOn: "", endedOn: "", current: false, description: "" },
    ]);
    expect(state.educations).toEqual([{ key: 902, level: "VOCATIONAL", institution: "", speciality: "", graduationYear: "" }]);
  });

  it("offers the first language not listed yet, and English once every one is", () => {
    const state = run(stateWith({ languages: [{ language: "kk", level: "NATIVE" }] }), { type: "addLanguage", key: 903 });
    expect(state.languages.at(-1)).toEqual({ key: 903, language: "ru", level: "B1" });

    const all = stateWith({ languages: RESUME_LANGUAGES.map((language) => ({ language, level: "A1" })) });
    expect(run(all, { type: "addLanguage", key: 904 }).languages.at(-1)).toEqual({ key: 904, language: "en", level: "B1" });
  });

  it("changes only the row with the given key, in the named list", () => {
    const initial = stateWith({ experiences: [experience("Водитель"), experience("Экспедитор")] });
    const [first, second] = initial.experiences;
    const state = run(initial, { type: "updateRow", list: "experiences", key: second?.key ?? 0, patch: { current: true } });
    expect(state.experiences[0]).toBe(first);
    expect(state.experiences[1]).toEqual({ ...second, current: true });
  });

  it("moves rows within bounds and removes them by key", () => {
    const initial = stateWith({ experiences: [experience("A"), experience("B"), experience("C")] });
    const positions = (s: ResumeEditorState) => s.experiences.map((row) => row.position);

    expect(positions(run(initial, { type: "moveRow", list: "experiences", from: 2, to: 0 }))).toEqual(["C", "A", "B"]);
    expect(positions(run(initial, { type: "moveRow", list: "experiences", from: 0, to: 1 }))).toEqual(["B", "A", "C"]);
    // The first row's "up" and the last row's "down" change nothing.
    expect(run(initial, { type: "moveRow", list: "experiences", from: 0, to: -1 }).experiences).toBe(initial.experiences);
    expect(run(initial, { type: "moveRow", list: "experiences", from: 2, to: 3 }).experiences).toBe(initial.experiences);

    const key = initial.experiences[1]?.key ?? 0;
    expect(positions(run(initial, { type: "removeRow", list: "experiences", key }))).toEqual(["A", "C"]);
    // The same key in another list is left alone.
    expect(run(initial, { type: "removeRow", list: "educations", key }).experiences).toBe(initial.experiences);
  });

  it("shows errors of a failed check or save and clears them once the form is valid", () => {
    const failed = run(stateWith({}), {
      type: "validationFailed",
      errors: { title: ["Слишком коротко"] },
      formError: "Исправьте",
    });
    expect(failed.errors).toEqual({ title: ["Слишком коротко"] });
    expect(failed.formError).toBe("Исправьте");

    const passed = run(failed, { type: "validationPassed" });
    expect(passed.errors).toEqual({});
    expect(passed.formError).toBeNull();

    const rejected = run(passed, { type: "saveFailed", errors: { cityId: ["Нет такого города"] }, formError: "Ошибка" });
    expect(rejected.errors).toEqual({ cityId: ["Нет такого города"] });
    expect(rejected.formError).toBe("Ошибка");
  });
});

describe("toResumeInput", () => {
  it("reads amounts with spaces, leaves a blank salary out and keeps an unreadable one invalid", () => {
    expect(toResumeInput(stateWith({ desiredSalary: "480\u00a0000" })).desiredSalary).toBe(480_000);
    expect(toResumeInput(stateWith({ desiredSalary: " " })).desiredSalary).toBeNull();
    expect(toResumeInput(stateWith({ desiredSalary: "480k" })).desiredSalary).toBeNaN();
  });

  it("drops the end of a current job, lists licences in catalogue order and splits skills", () => {
    const state = run(
      stateWith({
        cityId: "12",
        experiences: [{ ...experience("Водитель"), current: true }],
        skills: "Тахограф, погрузка;\n\n  ремонт ",
      }),
      { type: "toggleLicence", category: "CE", on: true },
      { type: "toggleLicence", category: "C", on: true },
      { type: "setLicenceYear", category: "C", year: " 2016 " },
    );
    const input = toResumeInput(state);
    expect(input.cityId).toBe(12);
    expect(input.experiences[0]?.endedOn).toBeNull();
    expect(input.licences).toEqual([
      { category: "C", yearObtained: 2016 },
      { category: "CE", yearObtained: null },
    ]);
    expect(input.skills).toEqual(["Тахограф", "погрузка", "ремонт"]);
  });
});

describe("pathErrors", () => {
  it("keys translated messages by the full path of the field", () => {
    const state = stateWith({ title: "", specializationIds: [], experiences: [{ ...experience(""), company: "" }] });
    const result = resumeInputSchema.safeParse(toResumeInput(state));
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = pathErrors(result.error, (key) => `t:${key}`);
    expect(errors["title"]).toEqual(["t:validation.resumeTitleTooShort"]);
    expect(errors["specializationIds"]).toEqual(["t:validation.specializationsRequired"]);
    expect(Object.keys(errors)).toContain("experiences.0.position");
  });
});

describe("moveItem", () => {
  it("returns the same list for a move out of bounds", () => {
    const list = [1, 2, 3];
    expect(moveItem(list, 1, 2)).toEqual([1, 3, 2]);
    expect(moveItem(list, 0, -1)).toBe(list);
  });
});
