import type { Locale, VacancyStatus } from "@/generated/prisma/enums";
import type { DbTx } from "@/server/db-client";

import { CITIES } from "./data/cities";
import { REMOVAL_REASONS, RETURN_REASONS } from "./data/vacancy-extras";
import { VACANCY_TEMPLATES, type VacancyTemplate } from "./data/vacancy-templates";
import { requiredId, type ReferenceIds } from "./demo-reference";
import type { SeededOrganization } from "./demo-people";
import { weightedPicker, type Rng } from "./random";
import { cityPicker, draftVacancy, lifecycle, statusPicker } from "./vacancy-factory";

export const DEMO_VACANCY_COUNT = 360;

const TEMPLATE_BY_KEY = new Map(VACANCY_TEMPLATES.map((t) => [t.key, t]));

const VERIFIED_STATUSES = statusPicker({ PUBLISHED: 84, ARCHIVED: 6, DRAFT: 4, SUBMITTED: 4, RETURNED: 1, REMOVED: 1 });
// An unverified organisation's vacancies wait for the organisation's own check first.
const UNVERIFIED_STATUSES = statusPicker({ DRAFT: 1, SUBMITTED: 2 });

function template(key: string): VacancyTemplate {
  const t = TEMPLATE_BY_KEY.get(key);
  if (!t) throw new Error(`organisation hires for an unknown template "${key}"`);
  return t;
}

/** Reserves ids from the table's own sequence so vacancies and their links can be inserted in bulk. */
async function reserveVacancyIds(tx: DbTx, count: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('vacancies', 'id'))::int AS id FROM generate_series(1, ${count}::int)`;
  return rows.map((r) => r.id);
}

export async function insertDemoVacancies(
  tx: DbTx,
  ref: ReferenceIds,
  organizations: readonly SeededOrganization[],
  rng: Rng,
  now: Date,
): Promise<number> {
  const pickOrg = weightedPicker(organizations.map((o) => ({ item: o, weight: o.seed.weight })));
  const pickCity = cityPicker(CITIES);
  const cityId = (slug: string) => requiredId(ref.cityIdBySlug, slug, "city");
  const ids = await reserveVacancyIds(tx, DEMO_VACANCY_COUNT);

  const vacancies = [];
  const links: { vacancyId: number; specializationId: number }[] = [];
  for (const id of ids) {
    const org = pickOrg(rng);
    const tpl = template(rng.pick(org.seed.hires));
    const language: Locale = rng.chance(0.7) ? "ru" : "kk";
    const draft = draftVacancy(rng, tpl, language);
    const status: VacancyStatus = (org.seed.verification === "VERIFIED" ? VERIFIED_STATUSES : UNVERIFIED_STATUSES)(rng);
    const life = lifecycle(rng, now, status, 60);
    const citySlug = tpl.cities
      ? rng.pick(tpl.cities)
      : org.seed.localOnly || rng.chance(0.6)
        ? org.seed.citySlug
        : pickCity(rng);

    vacancies.push({
      id,
      organizationId: org.id,
      createdById: org.ownerId,
      language,
      title: draft.title,
      slug: draft.slug,
      description: draft.description,
      companyDescription: life.publicationType === "ANONYMOUS" ? org.seed.anonymous[language] : null,
      cityId: cityId(citySlug),
      address: citySlug === org.seed.citySlug ? org.seed.address : null,
      salaryFrom: draft.salaryFrom,
      salaryTo: draft.salaryTo,
      salaryGross: draft.salaryGross,
      experience: tpl.experience,
      employmentType: tpl.employmentType,
      schedule: tpl.schedule,
      isRemote: tpl.isRemote ?? false,
      licenceCategories: draft.licenceCategories,
      contactName: org.seed.contactName,
      contactPhone: org.seed.phone,
      contactEmail: org.seed.email,
      moderationReason:
        status === "RETURNED" ? RETURN_REASONS[language] : status === "REMOVED" ? REMOVAL_REASONS[language] : null,
      ...life,
    });
    for (const slug of draft.specializationSlugs) {
      links.push({ vacancyId: id, specializationId: requiredId(ref.specializationIdBySlug, slug, "specialization") });
    }
  }

  await tx.vacancy.createMany({ data: vacancies });
  await tx.vacancySpecialization.createMany({ data: links });
  return vacancies.length;
}
