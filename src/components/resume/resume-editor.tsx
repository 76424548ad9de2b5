"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useReducer, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resumeInputSchema } from "@/lib/validation/resume";
import { trpc } from "@/trpc/react";

import { EducationSection } from "./editor/education-section";
import { ExperienceSection } from "./editor/experience-section";
import { LanguagesAndSkillsSection } from "./editor/languages-and-skills-section";
import { LicencesSection } from "./editor/licences-section";
import { MainSection, type SpecializationGroup } from "./editor/main-section";
import { VisibilitySection } from "./editor/visibility-section";
import type { ResumeFormValues } from "./form-values";
import { initialEditorState, pathErrors, resumeEditorReducer, toResumeInput, type Option } from "./resume-editor-state";

export function ResumeEditor(props: {
  resumeId: number | null;
  values: ResumeFormValues;
  cities: Option[];
  regions: Option[];
  specializations: SpecializationGroup[];
}) {
  const t = useTranslations("resumes");
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const formId = useId();
  const [state, dispatch] = useReducer(resumeEditorReducer, props.values, initialEditorState);

  const translate = (key: string) => (tAll.has(key) ? tAll(key) : tAll("errors.invalidInput"));

  const onSaved = (result: { id: number }) => {
    router.push(`/${locale}/seeker/resumes/${result.id}?saved=1`);
  };
  const onError = (error: { message: string; data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null }) => {
    const server = error.data?.fieldErrors ?? {};
    dispatch({
      type: "saveFailed",
      errors: Object.fromEntries(Object.entries(server).map(([k, list]) => [k, list ?? []])),
      formError: error.message,
    });
  };
  const create = trpc.seeker.resumes.create.useMutation({ onSuccess: onSaved, onError });
  const update = trpc.seeker.resumes.update.useMutation({ onSuccess: onSaved, onError });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = resumeInputSchema.safeParse(toResumeInput(state));
    if (!result.success) {
      dispatch({ type: "validationFailed", errors: pathErrors(result.error, translate), formError: tAll("errors.checkFields") });
      // Move focus to the first field with an error, so keyboard and screen reader users land on it.
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>(`#${CSS.escape(formId)} [aria-invalid="true"]`)?.focus();
      });
      return;
    }
    dispatch({ type: "validationPassed" });
    const resume = toResumeInput(state);
    if (props.resumeId === null) create.mutate(resume);
    else update.mutate({ resumeId: props.resumeId, resume });
  }

  const pending = create.isPending || update.isPending;
  const { errors } = state;

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <MainSection
        formId={formId}
        values={state}
        cities={props.cities}
        regions={props.regions}
        specializations={props.specializations}
        errors={errors}
        dispatch={dispatch}
      />
      <LicencesSection formId={formId} licences={state.licences} errors={errors} dispatch={dispatch} />
      <ExperienceSection formId={formId} rows={state.experiences} errors={errors} dispatch={dispatch} />
      <EducationSection formId={formId} rows={state.educations} errors={errors} dispatch={dispatch} />
      <LanguagesAndSkillsSection formId={formId} values={state} errors={errors} dispatch={dispatch} />
      <VisibilitySection formId={formId} values={state} errors={errors} dispatch={dispatch} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("editor.saving") : t("editor.save")}
        </Button>
      </div>
    </form>
  );
}
