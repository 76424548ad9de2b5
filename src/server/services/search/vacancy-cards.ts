import type { OrgType } from "@/generated/prisma/enums";
import type { Db } from "@/server/db-client";
import { readDb as defaultDb } from "@/server/db";
import { excerpt, htmlToText } from "@/lib/sanitize-html";

import { publicVacancyWhere } from "../vacancies/visibility";

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
 * Cards for these vacancies in the given order, for those that guests may see (published, not
 * closed, not expired, organisation not blocked); others are left out silently.
 */
export async function loadVacancyCards(ids: readonly number[], options: { db?: Db; now?: Date } = {}): Promise<VacancyCard[]> {
  if (ids.length === 0) return [];
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const rows = await db.vacancy.findMany({
    where: { id: { in: [...ids] }, ...publicVacancyWhere(now) },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      description: true,
      companyDescription: true,
      salaryFrom: true,
      salaryTo: true,
      salaryGross: true,
      publishedAt: true,
      premiumUntil: true,
      publicationType: true,
      experience: true,
      employmentType: true,
      schedule: true,
      isRemote: true,
      licenceCategories: true,
      city: { select: { slug: true, nameRu: true, nameKk: true } },
      organization: { select: { id: true, slug: true, type: true, displayName: true, logoPath: true, verification: true } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const anonymous = row.publicationType === "ANONYMOUS";
    const card: VacancyCard = {
      id: row.id,
      slug: row.slug,
      title: row.title,
      language: row.language,
      salaryFrom: row.salaryFrom,
      salaryTo: row.salaryTo,
      salaryGross: row.salaryGross,
      city: row.city,
      company: anonymous
        ? null
        : {
            id: row.organization.id,
            slug: row.organization.slug,
            type: row.organization.type,
            name: row.organization.displayName,
            logoPath: row.organization.logoPath,
            verified: row.organization.verification === "VERIFIED",
          },
      publishedAt: row.publishedAt ?? now,
      isPremium: row.premiumUntil !== null && row.premiumUntil > now,
      experience: row.experience,
      employmentType: row.employmentType,
      schedule: row.schedule,
      isRemote: row.isRemote,
      licenceCategories: row.licenceCategories,
      excerpt: excerpt(htmlToText(row.description), EXCERPT_LENGTH),
    };
    return [card];
  });
}
