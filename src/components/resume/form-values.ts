import { toMonthValue } from "@/lib/validation/resume";
import type { OwnResume } from "@/server/services/resumes/resumes";

/** The form's own state: text as typed, turned into the shared schema's input on save. */
export interface ResumeFormValues {
  title: string;
  desiredSalary: string;
  cityId: string;
  relocationRegionIds: number[];
  specializationIds: number[];
  employmentTypes: string[];
  schedules: string[];
  experiences: { company: string; position: string; startedOn: string; endedOn: string; current: boolean; description: string }[];
  educations: { level: string; institution: string; speciality: string; graduationYear: string }[];
  languages: { language: string; level: string }[];
  skills: string;
  licences: { category: string; yearObtained: string }[];
  about: string;
  visibility: string;
  hidden: { id: number; name: string }[];
}

export const EMPTY_RESUME_FORM: ResumeFormValues = {
  title: "",
  desiredSalary: "",
  cityId: "",
  relocationRegionIds: [],
  specializationIds: [],
  employmentTypes: ["FULL_TIME"],
  schedules: [],
  experiences: [],
  educations: [],
  languages: [],
  skills: "",
  licences: [],
  about: "",
  visibility: "ALL",
  hidden: [],
};

/** A stored resume as the form's values. */
export function resumeFormValues(resume: OwnResume): ResumeFormValues {
  return {
    title: resume.title,
    desiredSalary: resume.desiredSalary === null ? "" : String(resume.desiredSalary),
    cityId: resume.city ? String(resume.city.id) : "",
    relocationRegionIds: resume.relocationRegions.map((r) => r.region.id),
    specializationIds: resume.specializations.map((s) => s.specialization.id),
    employmentTypes: resume.employmentTypes,
    schedules: resume.schedules,
    experiences: resume.experiences.map((e) => ({
      company: e.company,
      position: e.position,
      startedOn: toMonthValue(e.startedOn),
      endedOn: e.endedOn ? toMonthValue(e.endedOn) : "",
      current: e.endedOn === null,
      description: e.description ?? "",
    })),
    educations: resume.educations.map((e) => ({
      level: e.level,
      institution: e.institution,
      speciality: e.speciality ?? "",
      graduationYear: e.graduationYear === null ? "" : String(e.graduationYear),
    })),
    languages: resume.languages.map((l) => ({ language: l.language, level: l.level })),
    skills: resume.skills.join(", "),
    licences: resume.licences.map((l) => ({
      category: l.category,
      yearObtained: l.yearObtained === null ? "" : String(l.yearObtained),
    })),
    about: resume.about ?? "",
    visibility: resume.visibility,
    hidden: resume.hiddenFrom.map((h) => ({ id: h.organization.id, name: h.organization.displayName })),
  };
}
