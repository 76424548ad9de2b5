import type { Db } from "@/server/db-client";
import { db as defaultDb } from "@/server/db";

/** An organisation's public profile; null when it is unknown, blocked or of the other kind. */
export async function getPublicOrganization(id: number, kind: "company" | "school", options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  return db.organization.findFirst({
    where: {
      id,
      blockedAt: null,
      type: kind === "school" ? "DRIVING_SCHOOL" : { in: ["EMPLOYER", "AGENCY", "PRIVATE_RECRUITER"] },
    },
    select: {
      id: true,
      slug: true,
      type: true,
      displayName: true,
      description: true,
      website: true,
      address: true,
      logoPath: true,
      verification: true,
      createdAt: true,
      city: { select: { slug: true, nameRu: true, nameKk: true } },
    },
  });
}
export type PublicOrganization = NonNullable<Awaited<ReturnType<typeof getPublicOrganization>>>;
