import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { MAX_EXPERIENCES } from "@/lib/validation/resume";

import { nextRowKey, type ExperienceRow, type ResumeEditorAction, type ResumeEditorState } from "../resume-editor-state";
import { checkboxRow, EditorSection } from "./editor-section";
import { RowButtons } from "./row-buttons";

export function ExperienceSection(props: {
  formId: string;
  rows: ExperienceRow[];
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const { rows, errors, dispatch } = props;
  return (
    <EditorSection id={`${props.formId}-experience`} title={t("editor.experience")}>
      {rows.length === 0 ? <p className="text-sm text-gray-700">{t("editor.noExperience")}</p> : null}
      {rows.map((row, index) => {
        const set = (patch: Partial<Omit<ExperienceRow, "key">>) =>
          dispatch({ type: "updateRow", list: "experiences", key: row.key, patch });
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
                errors={errors[`${p}.position`]}
              />
              <Field
                id={`exp-${row.key}-company`}
                label={t("editor.company")}
                value={row.company}
                maxLength={160}
                onChange={(e) => set({ company: e.target.value })}
                errors={errors[`${p}.company`]}
              />
              <Field
                id={`exp-${row.key}-start`}
                label={t("editor.startedOn")}
                hint={t("editor.monthHint")}
                type="month"
                placeholder="2021-03"
                value={row.startedOn}
                onChange={(e) => set({ startedOn: e.target.value })}
                errors={errors[`${p}.startedOn`]}
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
                  errors={errors[`${p}.endedOn`]}
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
              errors={errors[`${p}.description`]}
            />
            <RowButtons
              index={index}
              count={rows.length}
              label={row.position || t("editor.job", { n: index + 1 })}
              onMove={(to) => dispatch({ type: "moveRow", list: "experiences", from: index, to })}
              onRemove={() => dispatch({ type: "removeRow", list: "experiences", key: row.key })}
            />
          </fieldset>
        );
      })}
      {rows.length < MAX_EXPERIENCES ? (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() => dispatch({ type: "addExperience", key: nextRowKey() })}
        >
          {t("editor.addJob")}
        </Button>
      ) : null}
    </EditorSection>
  );
}
