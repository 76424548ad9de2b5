// Turns a template into one concrete vacancy. Shared by the demo seed and the benchmark
// generator so both produce the same shapes of data.
import type { LicenceCategory, Locale, PublicationType, VacancyStatus } from "@/generated/prisma/enums";

import { EXTRA_CONDITIONS, EXTRA_REQUIREMENTS } from "./data/vacancy-extras";
import { renderDescription, type VacancyTemplate } from "./data/vacancy-templates";
import { sample, weightedPicker, type Rng } from "./random";
import { slugify } from "@/lib/slugify";

const DAY_MS = 24 * 60 * 60 * 1000;
export const PUBLICATION_DAYS = 30;
export const PREMIUM_DAYS = 7;

export interface VacancyDraft {
  title: string;
  slug: string;
  description: string;
  salaryFrom: number | null;
  salaryTo: number | null;
  salaryGross: boolean;
  licenceCategories: LicenceCategory[];
  specializationSlugs: string[];
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

/** Most vacancies state a range; some give only "from" or "up to", a few hide the salary. */
function pickSalary(rng: Rng, [min, max]: readonly [number, number]): { from: number | null; to: number | null } {
  const span = max - min;
  const step = max >= 500_000 ? 50_000 : 10_000;
  const from = roundTo(min + rng.next() * span * 0.4, step);
  const to = roundTo(Math.min(max * 1.1, from + span * (0.35 + rng.next() * 0.5)), step);
  const roll = rng.next();
  if (roll < 0.08) return { from: null, to: null };
  if (roll < 0.18) return { from, to: null };
  if (roll < 0.23) return { from: null, to: Math.max(to, from) };
  return { from, to: Math.max(to, from + step) };
}

function keepMost(rng: Rng, items: readonly string[]): string[] {
  if (items.length <= 3 || rng.chance(0.5)) return items.slice();
  const drop = rng.int(0, items.length - 1);
  return items.filter((_, i) => i !== drop);
}

const titleCache = new Map<string, string>();

function slugFor(title: string): string {
  let slug = titleCache.get(title);
  if (slug === undefined) {
    slug = slugify(title) || "vacancy";
    titleCache.set(title, slug);
  }
  return slug;
}

export function draftVacancy(rng: Rng, template: VacancyTemplate, locale: Locale): VacancyDraft {
  const text = template[locale];
  const title = rng.chance(0.55) ? text.titles[0] : rng.pick(text.titles);
  const extraConditions = sample(rng, EXTRA_CONDITIONS[locale], rng.int(0, 2));
  const extraRequirements = rng.chance(0.35) ? [rng.pick(EXTRA_REQUIREMENTS[locale])] : [];
  const description = renderDescription(locale, {
    intro: text.intro,
    duties: keepMost(rng, text.duties),
    requirements: [...keepMost(rng, text.requirements), ...extraRequirements],
    conditions: [...keepMost(rng, text.conditions), ...extraConditions],
  });
  const salary = pickSalary(rng, template.salary);
  const [first, ...others] = template.specializations;
  return {
    title,
    slug: slugFor(title),
    description,
    salaryFrom: salary.from,
    salaryTo: salary.to,
    salaryGross: rng.chance(0.15),
    licenceCategories: [...(template.licenceCategories ?? [])],
    specializationSlugs: [first, ...sample(rng, others, rng.int(0, Math.min(2, others.length)))],
  };
}

export interface Lifecycle {
  status: VacancyStatus;
  publicationType: PublicationType;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  expiresAt: Date | null;
  premiumUntil: Date | null;
  archivedAt: Date | null;
  removedAt: Date | null;
}

export type StatusMix = Partial<Record<VacancyStatus, number>>;

const PUBLICATION_MIX = weightedPicker<PublicationType>([
  { item: "STANDARD", weight: 77 },
  { item: "PREMIUM", weight: 12 },
  { item: "ANONYMOUS", weight: 8 },
  { item: "CLOSED", weight: 3 },
]);

export function statusPicker(mix: StatusMix): (rng: Rng) => VacancyStatus {
  return weightedPicker(Object.entries(mix).map(([item, weight]) => ({ item: item as VacancyStatus, weight: weight ?? 0 })));
}

/**
 * Dates that agree with the lifecycle rules: a live vacancy was published less than 30 days
 * ago and expires 30 days after publication; an archived one ran its 30 days within the last
 * `windowDays`; premium lasts the first 7 days.
 */
export function lifecycle(rng: Rng, now: Date, status: VacancyStatus, windowDays: number): Lifecycle {
  const t = now.getTime();
  const at = (msAgo: number) => new Date(Math.floor((t - msAgo) / 1000) * 1000);
  const publicationType = PUBLICATION_MIX(rng);
  const base: Lifecycle = {
    status,
    publicationType,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    publishedAt: null,
    expiresAt: null,
    premiumUntil: null,
    archivedAt: null,
    removedAt: null,
  };
  const draftHours = rng.int(1, 72) * 60 * 60 * 1000;
  switch (status) {
    case "DRAFT": {
      const createdAt = at(rng.next() * 10 * DAY_MS);
      return { ...base, createdAt, updatedAt: createdAt };
    }
    case "SUBMITTED":
    case "RETURNED": {
      const submittedAt = at(rng.next() * 2 * DAY_MS);
      const createdAt = new Date(submittedAt.getTime() - draftHours);
      return {
        ...base,
        createdAt,
        submittedAt,
        updatedAt: status === "RETURNED" ? new Date(Math.min(t, submittedAt.getTime() + 3_600_000)) : submittedAt,
      };
    }
    case "PUBLISHED":
    case "REMOVED":
    case "ARCHIVED": {
      const ageMs =
        status === "ARCHIVED"
          ? (PUBLICATION_DAYS + rng.next() * Math.max(1, windowDays - PUBLICATION_DAYS)) * DAY_MS
          : rng.next() * (PUBLICATION_DAYS - 0.01) * DAY_MS;
      const publishedAt = at(ageMs);
      const submittedAt = new Date(publishedAt.getTime() - rng.int(10, 240) * 60_000);
      const createdAt = new Date(submittedAt.getTime() - draftHours);
      const expiresAt = new Date(publishedAt.getTime() + PUBLICATION_DAYS * DAY_MS);
      const premiumUntil = publicationType === "PREMIUM" ? new Date(publishedAt.getTime() + PREMIUM_DAYS * DAY_MS) : null;
      if (status === "ARCHIVED")
        return {
          ...base,
          createdAt,
          submittedAt,
          publishedAt,
          expiresAt,
          premiumUntil,
          archivedAt: expiresAt,
          updatedAt: expiresAt,
        };
      if (status === "REMOVED") {
        const removedAt = new Date(Math.min(t, publishedAt.getTime() + rng.int(1, 48) * 3_600_000));
        return { ...base, createdAt, submittedAt, publishedAt, expiresAt, premiumUntil, removedAt, updatedAt: removedAt };
      }
      return { ...base, createdAt, submittedAt, publishedAt, expiresAt, premiumUntil, updatedAt: publishedAt };
    }
  }
}

export interface CityChoice {
  slug: string;
  population: number;
}

// Hiring concentrates in the three cities of republican significance even more than their
// population does.
const CITY_BOOST: Record<string, number> = { almaty: 2.2, astana: 2, shymkent: 1.3 };

export function cityPicker(cities: readonly CityChoice[]): (rng: Rng) => string {
  return weightedPicker(cities.map((c) => ({ item: c.slug, weight: c.population * (CITY_BOOST[c.slug] ?? 1) })));
}
