import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { EDUCATION_LEVELS, MAX_EDUCATIONS } from "@/lib/validation/resume";

import { nextRowKey, type EducationRow, type ResumeEditorAction, type ResumeEditorState } from "../resume-editor-state";
import { EditorSection } from "./editor-section";
import { RowButtons } from "./row-buttons";

export function EducationSection(props: {
  formId: string;
  rows: EducationRow[];
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const { rows, errors, dispatch } = props;
  return (
    <EditorSection id={`${props.formId}-education`} title={t("editor.education")}>
      {rows.map((row, index) => {
        const set = (patch: Partial<Omit<EducationRow, "key">>) =>
          dispatch({ type: "updateRow", list: "educations", key: row.key, patch });
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
                errors={errors[`${p}.level`]}
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
                errors={errors[`${p}.graduationYear`]}
              />
              <Field
                id={`edu-${row.key}-institution`}
                label={t("editor.institution")}
                value={row.institution}
                maxLength={200}
                onChange={(e) => set({ institution: e.target.value })}
                errors={errors[`${p}.institution`]}
              />
              <Field
                id={`edu-${row.key}-speciality`}
                label={t("editor.speciality")}
                value={row.speciality}
                maxLength={200}
                onChange={(e) => set({ speciality: e.target.value })}
                errors={errors[`${p}.speciality`]}
              />
            </div>
            <RowButtons
              index={index}
              count={rows.length}
              label={row.institution || t("editor.school", { n: index + 1 })}
              onMove={(to) => dispatch({ type: "moveRow", list: "educations", from: index, to })}
              onRemove={() => dispatch({ type: "removeRow", list: "educations", key: row.key })}
            />
          </fieldset>
        );
      })}
      {rows.length < MAX_EDUCATIONS ? (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() => dispatch({ type: "addEducation", key: nextRowKey() })}
        >
          {t("editor.addSchool")}
        </Button>
      ) : null}
    </EditorSection>
  );
}
