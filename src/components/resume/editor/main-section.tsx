import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { Field, SelectField } from "@/components/ui/field";
import { EMPLOYMENT_TYPES, WORK_SCHEDULES } from "@/lib/validation/resume";

import type { Option, ResumeEditorAction, ResumeEditorState } from "../resume-editor-state";
import { CheckGroup } from "./check-group";
import { EditorSection } from "./editor-section";
import { RelocationRegions } from "./relocation-regions";

export type SpecializationGroup = { id: number; name: string; children: Option[] };

export function MainSection(props: {
  formId: string;
  values: Pick<
    ResumeEditorState,
    "title" | "desiredSalary" | "cityId" | "specializationIds" | "employmentTypes" | "schedules" | "relocationRegionIds"
  >;
  cities: Option[];
  regions: Option[];
  specializations: SpecializationGroup[];
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const tv = useTranslations("vacancy");
  const { values, errors, dispatch } = props;
  return (
    <EditorSection id={`${props.formId}-main`} title={t("editor.main")}>
      <Field
        id="title"
        label={t("editor.title")}
        hint={t("editor.titleHint")}
        value={values.title}
        onChange={(e) => dispatch({ type: "setText", field: "title", value: e.target.value })}
        maxLength={150}
        required
        errors={errors.title}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          id="desiredSalary"
          label={t("editor.salary")}
          hint={t("editor.salaryHint")}
          inputMode="numeric"
          value={values.desiredSalary}
          onChange={(e) => dispatch({ type: "setText", field: "desiredSalary", value: e.target.value })}
          errors={errors.desiredSalary}
        />
        <SelectField
          id="cityId"
          label={t("editor.city")}
          value={values.cityId}
          onChange={(e) => dispatch({ type: "setText", field: "cityId", value: e.target.value })}
          errors={errors.cityId}
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
        value={values.specializationIds.map(String)}
        onChange={(e) => dispatch({ type: "setSpecializations", ids: [...e.target.selectedOptions].map((o) => Number(o.value)) })}
        errors={errors.specializationIds}
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
          errors={errors.employmentTypes}
          options={EMPLOYMENT_TYPES.map((value) => ({ value, label: tv(`employment.${value}`) }))}
          selected={values.employmentTypes}
          onToggle={(value, on) => dispatch({ type: "toggleChoice", list: "employmentTypes", value, on })}
          name="employmentTypes"
        />
        <CheckGroup
          legend={t("editor.schedules")}
          options={WORK_SCHEDULES.map((value) => ({ value, label: tv(`schedule.${value}`) }))}
          selected={values.schedules}
          onToggle={(value, on) => dispatch({ type: "toggleChoice", list: "schedules", value, on })}
          name="schedules"
        />
      </div>
      <RelocationRegions regions={props.regions} selected={values.relocationRegionIds} dispatch={dispatch} />
    </EditorSection>
  );
}
