// Raw material for demo and benchmark vacancies: one entry per kind of job, each with a Russian
// and a Kazakh text written separately (not machine-translated word for word). Salaries are
// monthly KZT after tax, as Kazakh job boards show them, at 2026 levels.
import type { EmploymentType, Experience, LicenceCategory, Locale, WorkSchedule } from "@/generated/prisma/enums";

import { DRIVER_TEMPLATES } from "./vacancy-templates-drivers";
import { HOSPITALITY_TEMPLATES } from "./vacancy-templates-hospitality";
import { INDUSTRY_TEMPLATES } from "./vacancy-templates-industry";
import { IT_TEMPLATES } from "./vacancy-templates-it";
import { LOGISTICS_TEMPLATES } from "./vacancy-templates-logistics";
import { OFFICE_TEMPLATES } from "./vacancy-templates-office";
import { SERVICE_TEMPLATES } from "./vacancy-templates-services";
import { TRADE_TEMPLATES } from "./vacancy-templates-trade";

export interface TemplateText {
  /** The first title is the usual one; the others are how employers also phrase it. */
  titles: readonly [string, ...string[]];
  intro: string;
  duties: readonly string[];
  requirements: readonly string[];
  conditions: readonly string[];
}

export interface VacancyTemplate {
  key: string;
  /** Specialization slugs; the first one is always used. */
  specializations: readonly [string, ...string[]];
  salary: readonly [from: number, to: number];
  experience: Experience;
  employmentType: EmploymentType;
  schedule: WorkSchedule;
  isRemote?: boolean;
  licenceCategories?: readonly LicenceCategory[];
  /** City slugs for jobs tied to a place (oil fields, grain farms); otherwise anywhere. */
  cities?: readonly string[];
  ru: TemplateText;
  kk: TemplateText;
}

export const VACANCY_TEMPLATES: readonly VacancyTemplate[] = [
  ...DRIVER_TEMPLATES,
  ...LOGISTICS_TEMPLATES,
  ...TRADE_TEMPLATES,
  ...HOSPITALITY_TEMPLATES,
  ...IT_TEMPLATES,
  ...OFFICE_TEMPLATES,
  ...INDUSTRY_TEMPLATES,
  ...SERVICE_TEMPLATES,
];

const HEADINGS: Record<Locale, { duties: string; requirements: string; conditions: string }> = {
  ru: { duties: "Обязанности", requirements: "Требования", conditions: "Условия" },
  kk: { duties: "Міндеттері", requirements: "Талаптар", conditions: "Жұмыс шарттары" },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function list(items: readonly string[]): string {
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
}

/**
 * The description HTML, limited to the tags the vacancy editor's sanitizer keeps
 * (p, ul, li, strong). Callers may pass their own subsets of items to vary the text.
 */
export function renderDescription(
  locale: Locale,
  text: Pick<TemplateText, "intro" | "duties" | "requirements" | "conditions">,
): string {
  const h = HEADINGS[locale];
  return (
    `<p>${escapeHtml(text.intro)}</p>` +
    `<p><strong>${h.duties}:</strong></p>${list(text.duties)}` +
    `<p><strong>${h.requirements}:</strong></p>${list(text.requirements)}` +
    `<p><strong>${h.conditions}:</strong></p>${list(text.conditions)}`
  );
}

export function templateDescription(template: VacancyTemplate, locale: Locale): string {
  return renderDescription(locale, template[locale]);
}
