import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { Field } from "@/components/ui/field";
import { licenceLabel } from "@/lib/format";
import { LICENCE_CATEGORIES } from "@/lib/validation/resume";

import type { ResumeEditorAction, ResumeEditorState } from "../resume-editor-state";
import { checkboxRow, EditorSection } from "./editor-section";

export function LicencesSection(props: {
  formId: string;
  licences: ResumeEditorState["licences"];
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const { licences, errors, dispatch } = props;
  return (
    <EditorSection id={`${props.formId}-licences`} title={t("editor.licences")}>
      <p className="text-sm text-gray-700">{t("editor.licencesHint")}</p>
      {errors.licences ? <p className="text-sm text-red-700">{errors.licences.join(" ")}</p> : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {LICENCE_CATEGORIES.map((category) => {
          const checked = licences[category] !== undefined;
          // The schema sees only the checked categories, in catalogue order: its error paths count those.
          const index = LICENCE_CATEGORIES.filter((c) => licences[c] !== undefined).indexOf(category);
          const yearErrors = checked ? errors[`licences.${index}.yearObtained`] : undefined;
          const label = licenceLabel(category);
          return (
            <div key={category} className="flex flex-col gap-1 rounded-md border border-gray-200 p-2">
              <label className={checkboxRow}>
                <input
                  type="checkbox"
                  name="licences"
                  value={category}
                  checked={checked}
                  onChange={(e) => dispatch({ type: "toggleLicence", category, on: e.target.checked })}
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
                  onChange={(e) => dispatch({ type: "setLicenceYear", category, year: e.target.value })}
                  errors={yearErrors}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </EditorSection>
  );
}
