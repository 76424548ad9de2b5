import { LRUCache } from "lru-cache";

import type { OrgType } from "@/generated/prisma/enums";
import type { Db } from "@/server/db-client";
import { readDb as defaultDb } from "@/server/db";
import { excerpt, htmlToText } from "@/lib/sanitize-html";

import { publicVacancySql } from "../vacancies/visibility";

/** What a list of vacancies shows for each: never the company of an anonymous vacancy. */
export interface VacancyCard {
  id: number;
  slug: string;
  title: string;
  language: "ru" | "kk";
  salaryFrom: number | null;
  salaryTo: number | null;
  salaryGross: boolean;
  city: { slug: string; nameRu: string; nameKk: string };
  /** null for anonymous vacancies. */
  company: { id: number; slug: string; type: OrgType; name: string; logoPath: string | null; verified: boolean } | null;
  publishedAt: Date;
  isPremium: boolean;
  experience: string;
  employmentType: string;
  schedule: string;
  isRemote: boolean;
  licenceCategories: string[];
  excerpt: string;
}

const EXCERPT_LENGTH = 220;

/**
 * Excerpts by the description they come from. Turning rich text into plain text takes about
 * 0.1 ms a card (an HTML parser), and the newest vacancies are on most lists at once; keyed by the
 * text itself, an entry can never be stale. Bounded by the descriptions' length (characters).
 */
const excerpts = new LRUCache<string, string>({
  maxSize: 8_000_000,
  sizeCalculation: (_excerpt, description) => description.length + 1,
});

function excerptOf(description: string): string {
  let text = excerpts.get(description);
  if (text === undefined) {
    text = excerpt(htmlToText(description), EXCERPT_LENGTH);
    excerpts.set(description, text);
  }
  return text;
}

interface CardRow {
  id: number;
  slug: string;
  title: string;
  language: "ru" | "kk";
  description: string;
  salary_from: number | null;
  salary_to: number | null;
  salary_gross: boolean;
  published_at: Date | null;
  premium_until: Date | null;
  anonymous: boolean;
  experience: string;
  employment_type: string;
  schedule: string;
  is_remote: boolean;
  licence_categories: string[];
  city_slug: string;
  city_name_ru: string;
  city_name_kk: string;
  organization_id: number;
  organization_slug: string;
  organization_type: OrgType;
  organization_name: string;
  logo_path: string | null;
  verified: boolean;
}

/**
 * Cards for these vacancies in the given order, for those that guests may see (the public rule of
 * visibility.ts); others are left out silently. One statement: a search page shows twenty cards
 * and loads them on every uncached search.
 */
export async function loadVacancyCards(ids: readonly number[], options: { db?: Db; now?: Date } = {}): Promise<VacancyCard[]> {
  if (ids.length === 0) return [];
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT v.id, v.slug, v.title, v.language::text AS language, v.description, v.salary_from, v.salary_to,
           v.salary_gross, v.published_at, v.premium_until, v.publication_type = 'ANONYMOUS' AS anonymous,
           v.experience::text AS experience, v.employment_type::text AS employment_type, v.schedule::text AS schedule,
           v.is_remote, coalesce(v.licence_categories, '{}')::text[] AS licence_categories,
           c.slug AS city_slug, c.name_ru AS city_name_ru, c.name_kk AS city_name_kk,
           o.id AS organization_id, o.slug AS organization_slug, o.type::text AS organization_type,
           o.display_name AS organization_name, o.logo_path, o.verification = 'VERIFIED' AS verified
    FROM vacancies v
    JOIN cities c ON c.id = v.city_id
    JOIN organizations o ON o.id = v.organization_id
    WHERE v.id = ANY (${[...ids]}::integer[]) AND ${publicVacancySql(now)}`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const card: VacancyCard = {
      id: row.id,
      slug: row.slug,
      title: row.title,
      language: row.language,
      salaryFrom: row.salary_from,
      salaryTo: row.salary_to,
      salaryGross: row.salary_gross,
      city: { slug: row.city_slug, nameRu: row.city_name_ru, nameKk: row.city_name_kk },
      company: row.anonymous
        ? null
        : {
            id: row.organization_id,
            slug: row.organization_slug,
            type: row.organization_type,
            name: row.organization_name,
            logoPath: row.logo_path,
            verified: row.verified,
          },
      publishedAt: row.published_at ?? now,
      isPremium: row.premium_until !== null && row.premium_until > now,
      experience: row.experience,
      employmentType: row.employment_type,
      schedule: row.schedule,
      isRemote: row.is_remote,
      licenceCategories: row.licence_categories,
      excerpt: excerptOf(row.description),
    };
    return [card];
  });
}
