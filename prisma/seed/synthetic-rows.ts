// Row generation for scripts/db-synthetic.ts: reads what the database already has (cities,
// organisations, specializations) and produces COPY text for vacancies and their links.
import type pg from "pg";

import type { Locale, VacancyStatus } from "@/generated/prisma/enums";

import { ORGANIZATIONS } from "./data/organizations";
import { REMOVAL_REASONS, RETURN_REASONS } from "./data/vacancy-extras";
import { VACANCY_TEMPLATES, type VacancyTemplate } from "./data/vacancy-templates";
import { weightedPicker, type Rng } from "./random";
import { cityPicker, draftVacancy, lifecycle, statusPicker } from "./vacancy-factory";

export const VACANCY_COLUMNS = [
  "id",
  "organization_id",
  "created_by_id",
  "language",
  "title",
  "slug",
  "description",
  "company_description",
  "city_id",
  "address",
  "salary_from",
  "salary_to",
  "salary_gross",
  "experience",
  "employment_type",
  "schedule",
  "is_remote",
  "licence_categories",
  "publication_type",
  "status",
  "contact_name",
  "contact_phone",
  "contact_email",
  "moderation_reason",
  "created_at",
  "updated_at",
  "submitted_at",
  "published_at",
  "expires_at",
  "premium_until",
  "archived_at",
  "removed_at",
] as const;

export const WINDOW_DAYS = 60;

interface SyntheticOrg {
  id: number;
  ownerId: number | null;
  citySlug: string;
  address: string | null;
  contactName: string;
  phone: string | null;
  email: string | null;
  verified: boolean;
  localOnly: boolean;
  anonymous: Record<Locale, string>;
  templates: readonly VacancyTemplate[];
  weight: number;
}

export interface SyntheticContext {
  orgs: SyntheticOrg[];
  pickOrg: (rng: Rng) => SyntheticOrg;
  cityIdBySlug: Map<string, number>;
  specializationIdBySlug: Map<string, number>;
  pickCity: (rng: Rng) => string;
}

const GENERIC_ANONYMOUS: Record<Locale, string> = {
  ru: "Компания-работодатель предпочла не раскрывать название.",
  kk: "Жұмыс беруші компания атауын көрсетпеуді жөн көрді.",
};

export async function loadSyntheticContext(client: pg.Client): Promise<SyntheticContext> {
  const cities = await client.query<{ id: number; slug: string; population: number | null }>(
    "SELECT id, slug, population FROM cities",
  );
  const specs = await client.query<{ id: number; slug: string }>("SELECT id, slug FROM specializations");
  const orgs = await client.query<{
    id: number;
    slug: string;
    city_slug: string | null;
    address: string | null;
    display_name: string;
    phone: string | null;
    email: string | null;
    verification: string;
    owner_id: number | null;
    owner_name: string | null;
  }>(`
    SELECT o.id, o.slug, c.slug AS city_slug, o.address, o.display_name, o.phone, o.email, o.verification,
           m.user_id AS owner_id, u.name AS owner_name
      FROM organizations o
      LEFT JOIN cities c ON c.id = o.city_id
      LEFT JOIN LATERAL (SELECT user_id FROM memberships WHERE organization_id = o.id AND role = 'OWNER' ORDER BY id LIMIT 1) m ON true
      LEFT JOIN users u ON u.id = m.user_id
     WHERE o.blocked_at IS NULL AND o.deletion_requested_at IS NULL`);

  const seedBySlug = new Map(ORGANIZATIONS.map((o) => [o.slug, o]));
  const templateByKey = new Map(VACANCY_TEMPLATES.map((t) => [t.key, t]));
  const fallbackCity = cities.rows.find((c) => c.slug === "almaty")?.slug ?? cities.rows[0]?.slug;
  if (!fallbackCity || orgs.rows.length === 0) throw new Error("no cities or organizations: seed the demo data first");

  const synthetic = orgs.rows.map((o): SyntheticOrg => {
    const seed = seedBySlug.get(o.slug);
    const templates = seed?.hires.flatMap((k) => templateByKey.get(k) ?? []) ?? [];
    return {
      id: o.id,
      ownerId: o.owner_id,
      citySlug: o.city_slug ?? fallbackCity,
      address: o.address,
      contactName: seed?.contactName ?? o.owner_name ?? o.display_name,
      phone: o.phone,
      email: o.email,
      verified: o.verification === "VERIFIED",
      localOnly: seed?.localOnly ?? false,
      anonymous: seed?.anonymous ?? GENERIC_ANONYMOUS,
      // Organisations created outside the seed hire for anything.
      templates: templates.length > 0 ? templates : VACANCY_TEMPLATES,
      weight: seed?.weight ?? 10,
    };
  });
  return {
    orgs: synthetic,
    pickOrg: weightedPicker(synthetic.map((o) => ({ item: o, weight: o.weight }))),
    cityIdBySlug: new Map(cities.rows.map((c) => [c.slug, c.id])),
    specializationIdBySlug: new Map(specs.rows.map((s) => [s.slug, s.id])),
    pickCity: cityPicker(cities.rows.map((c) => ({ slug: c.slug, population: c.population ?? 10_000 }))),
  };
}

const NULL = "\\N";

/** COPY text format: backslash, tab and line breaks must be escaped; NULL is \N. */
function field(value: string | number | boolean | null): string {
  if (value === null) return NULL;
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c)
    : value;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const VERIFIED_STATUSES = statusPicker({ PUBLISHED: 80, ARCHIVED: 12, DRAFT: 3, SUBMITTED: 3, RETURNED: 1, REMOVED: 1 });
const UNVERIFIED_STATUSES = statusPicker({ DRAFT: 1, SUBMITTED: 2 });

export interface GeneratedRow {
  vacancy: string;
  links: string;
  linkCount: number;
}

export function generateRow(ctx: SyntheticContext, rng: Rng, id: number, now: Date): GeneratedRow {
  const org = ctx.pickOrg(rng);
  const tpl = rng.pick(org.templates);
  const language: Locale = rng.chance(0.7) ? "ru" : "kk";
  const draft = draftVacancy(rng, tpl, language);
  const status: VacancyStatus = (org.verified ? VERIFIED_STATUSES : UNVERIFIED_STATUSES)(rng);
  const life = lifecycle(rng, now, status, WINDOW_DAYS);
  let citySlug = tpl.cities ? rng.pick(tpl.cities) : org.localOnly || rng.chance(0.5) ? org.citySlug : ctx.pickCity(rng);
  if (!ctx.cityIdBySlug.has(citySlug)) citySlug = org.citySlug;

  // Keyed by column so the compiler checks that the row and VACANCY_COLUMNS agree.
  const row: Record<(typeof VACANCY_COLUMNS)[number], string | number | boolean | null> = {
    id,
    organization_id: org.id,
    created_by_id: org.ownerId,
    language,
    title: draft.title,
    slug: draft.slug,
    description: draft.description,
    company_description: life.publicationType === "ANONYMOUS" ? org.anonymous[language] : null,
    city_id: ctx.cityIdBySlug.get(citySlug) ?? null,
    address: citySlug === org.citySlug ? org.address : null,
    salary_from: draft.salaryFrom,
    salary_to: draft.salaryTo,
    salary_gross: draft.salaryGross,
    experience: tpl.experience,
    employment_type: tpl.employmentType,
    schedule: tpl.schedule,
    is_remote: tpl.isRemote ?? false,
    licence_categories: `{${draft.licenceCategories.join(",")}}`,
    publication_type: life.publicationType,
    status,
    contact_name: org.contactName,
    contact_phone: org.phone,
    contact_email: org.email,
    moderation_reason: status === "RETURNED" ? RETURN_REASONS[language] : status === "REMOVED" ? REMOVAL_REASONS[language] : null,
    created_at: iso(life.createdAt),
    updated_at: iso(life.updatedAt),
    submitted_at: iso(life.submittedAt),
    published_at: iso(life.publishedAt),
    expires_at: iso(life.expiresAt),
    premium_until: iso(life.premiumUntil),
    archived_at: iso(life.archivedAt),
    removed_at: iso(life.removedAt),
  };
  let links = "";
  let linkCount = 0;
  for (const slug of draft.specializationSlugs) {
    const specializationId = ctx.specializationIdBySlug.get(slug);
    if (specializationId === undefined) continue;
    links += `${id}\t${specializationId}\n`;
    linkCount++;
  }
  return { vacancy: VACANCY_COLUMNS.map((column) => field(row[column])).join("\t") + "\n", links, linkCount };
}
