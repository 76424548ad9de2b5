import type { DbTx } from "@/server/db-client";

import { CITIES } from "./data/cities";
import { LEGAL_DOCUMENTS } from "./data/legal-documents";
import { REGIONS } from "./data/regions";
import { SPECIALIZATION_GROUPS } from "./data/specializations";

export interface ReferenceIds {
  regionIdBySlug: Map<string, number>;
  cityIdBySlug: Map<string, number>;
  specializationIdBySlug: Map<string, number>;
  termsId: number;
  privacyId: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function idMap(rows: readonly { id: number; slug: string }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export function requiredId(map: Map<string, number>, slug: string, what: string): number {
  const id = map.get(slug);
  if (id === undefined) throw new Error(`seed data refers to an unknown ${what} "${slug}"`);
  return id;
}

export async function insertReferenceData(tx: DbTx, now: Date): Promise<ReferenceIds> {
  const regions = await tx.region.createManyAndReturn({ data: [...REGIONS], select: { id: true, slug: true } });
  const regionIdBySlug = idMap(regions);

  const cities = await tx.city.createManyAndReturn({
    data: CITIES.map(({ regionSlug, ...city }) => ({ ...city, regionId: requiredId(regionIdBySlug, regionSlug, "region") })),
    select: { id: true, slug: true },
  });

  const groups = await tx.specialization.createManyAndReturn({
    data: SPECIALIZATION_GROUPS.map((g, i) => ({ slug: g.slug, nameRu: g.nameRu, nameKk: g.nameKk, sortOrder: (i + 1) * 10 })),
    select: { id: true, slug: true },
  });
  const groupIds = idMap(groups);
  const children = await tx.specialization.createManyAndReturn({
    data: SPECIALIZATION_GROUPS.flatMap((g) =>
      g.children.map((c, i) => ({
        ...c,
        parentId: requiredId(groupIds, g.slug, "specialization group"),
        sortOrder: (i + 1) * 10,
      })),
    ),
    select: { id: true, slug: true },
  });

  // Published well before any demo account exists, as on a live site.
  const publishedAt = new Date(now.getTime() - 120 * DAY_MS);
  const documents = await tx.legalDocument.createManyAndReturn({
    data: LEGAL_DOCUMENTS.map((d) => ({ ...d, publishedAt, createdAt: publishedAt })),
    select: { id: true, kind: true },
  });
  const documentId = (kind: "TERMS" | "PRIVACY") => {
    const doc = documents.find((d) => d.kind === kind);
    if (!doc) throw new Error(`legal document ${kind} was not inserted`);
    return doc.id;
  };

  return {
    regionIdBySlug,
    cityIdBySlug: idMap(cities),
    specializationIdBySlug: new Map([...idMap(groups), ...idMap(children)]),
    termsId: documentId("TERMS"),
    privacyId: documentId("PRIVACY"),
  };
}
