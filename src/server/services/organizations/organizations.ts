import { db } from "@/server/db";
import type { OrgType } from "@/generated/prisma/enums";

/** The organisations the user belongs to, of the given types, with the user's role in each. */
export function listMyOrganizations(userId: number, types: readonly OrgType[]) {
  return db.membership.findMany({
    where: { userId, organization: { type: { in: [...types] } } },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      organization: {
        select: { id: true, type: true, displayName: true, verification: true, blockedAt: true, blockReason: true },
      },
    },
  });
}

export function getOrganization(organizationId: number) {
  return db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      id: true,
      type: true,
      legalName: true,
      displayName: true,
      bin: true,
      iin: true,
      description: true,
      website: true,
      email: true,
      phone: true,
      address: true,
      verification: true,
      verificationNote: true,
      verifiedAt: true,
      logoPath: true,
      deletionRequestedAt: true,
      slug: true,
      cityId: true,
      blockedAt: true,
      blockReason: true,
      city: { select: { id: true, nameRu: true, nameKk: true } },
      createdAt: true,
    },
  });
}

export function listMembers(organizationId: number) {
  return db.membership.findMany({
    where: { organizationId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
