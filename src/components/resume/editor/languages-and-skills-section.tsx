import { useLocale, useTranslations } from "next-intl";
import type { Dispatch } from "react";

import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { ABOUT_MAX_CHARS, LANGUAGE_LEVELS, MAX_LANGUAGES, RESUME_LANGUAGES } from "@/lib/validation/resume";

import { nextRowKey, type ResumeEditorAction, type ResumeEditorState } from "../resume-editor-state";
import { languageName as languageNameIn } from "../resume-format";
import { EditorSection } from "./editor-section";

export function LanguagesAndSkillsSection(props: {
  formId: string;
  values: Pick<ResumeEditorState, "languages" | "skills" | "about">;
  errors: ResumeEditorState["errors"];
  dispatch: Dispatch<ResumeEditorAction>;
}) {
  const t = useTranslations("resumes");
  const locale = useLocale();
  const { values, errors, dispatch } = props;
  const languageName = (code: string) => languageNameIn(code, locale);
  return (
    <EditorSection id={`${props.formId}-skills`} title={t("editor.languagesAndSkills")}>
      {errors.languages ? <p className="text-sm text-red-700">{errors.languages.join(" ")}</p> : null}
      {values.languages.map((row) => (
        <div key={row.key} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
          <SelectField
            id={`lang-${row.key}`}
            label={t("editor.language")}
            value={row.language}
            onChange={(e) =>
              dispatch({ type: "updateRow", list: "languages", key: row.key, patch: { language: e.target.value } })
            }
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
            onChange={(e) => dispatch({ type: "updateRow", list: "languages", key: row.key, patch: { level: e.target.value } })}
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
            onClick={() => dispatch({ type: "removeRow", list: "languages", key: row.key })}
          >
            {t("editor.remove")}
          </Button>
        </div>
      ))}
      {values.languages.length < MAX_LANGUAGES ? (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          onClick={() => dispatch({ type: "addLanguage", key: nextRowKey() })}
        >
          {t("editor.addLanguage")}
        </Button>
      ) : null}
      <TextAreaField
        id="skills"
        label={t("editor.skills")}
        hint={t("editor.skillsHint")}
        rows={3}
        value={values.skills}
        onChange={(e) => dispatch({ type: "setText", field: "skills", value: e.target.value })}
        // The schema checks each skill on its own ("skills.3"); the field shows the first such message.
        errors={errors.skills ?? Object.entries(errors).find(([k]) => k.startsWith("skills."))?.[1]}
      />
      <TextAreaField
        id="about"
        label={t("editor.about")}
        hint={t("editor.aboutHint", { max: ABOUT_MAX_CHARS })}
        rows={6}
        maxLength={ABOUT_MAX_CHARS}
        value={values.about}
        onChange={(e) => dispatch({ type: "setText", field: "about", value: e.target.value })}
        errors={errors.about}
      />
    </EditorSection>
  );
}
