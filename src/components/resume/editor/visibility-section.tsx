import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { RESUME_VISIBILITIES } from "@/lib/validation/resume";

import type { ResumeEditorAction, ResumeEditorState } from "../resume-editor-state";
import { EditorSection } from "./editor-section";
import { HiddenOrganizations } from "./hidden-organizations";

export function VisibilitySection(props: {
  formId: string;
  values: Pick<ResumeEditorState, "visibility" | "hidden">;
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const { values, dispatch } = props;
  return (
    <EditorSection id={`${props.formId}-visibility`} title={t("editor.visibility")}>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">{t("editor.visibility")}</legend>
        {RESUME_VISIBILITIES.map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="visibility"
              value={value}
              className="mt-1"
              checked={values.visibility === value}
              onChange={() => dispatch({ type: "setText", field: "visibility", value })}
            />
            <span>
              <span className="font-medium">{t(`visibility.${value}`)}</span>
              <span className="block text-gray-700">{t(`visibilityHint.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {values.visibility === "ALL_EXCEPT" ? (
        <HiddenOrganizations
          hidden={values.hidden}
          onChange={(hidden) => dispatch({ type: "setHidden", hidden })}
          errors={props.errors.hiddenOrganizationIds}
        />
      ) : null}
    </EditorSection>
  );
}
