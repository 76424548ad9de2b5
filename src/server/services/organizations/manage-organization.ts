import { Prisma } from "@/generated/prisma/client";
import { slugify } from "@/lib/slugify";
import {
  createOrganizationSchema,
  organizationLegalSchema,
  organizationProfileSchema,
  type CreateOrganizationInput,
} from "@/lib/validation/organization";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { audit, type UserActor } from "@/server/audit";

import { flagOrganizationOnSave } from "../moderation/organization-flags";
import { refreshVacancySearch } from "../search/search-index";
import { revalidateOrganizationPagesAfterCommit } from "../vacancies/vacancy-cache";

/** Who acts: one person (the audit log's actor). */
export type Actor = UserActor;

/** How many organisations one person may register: more is a sign of abuse, not of business. */
export const MAX_OWNED_ORGANIZATIONS = 10;

async function assertCityExists(tx: DbTx, cityId: number | null) {
  if (cityId === null) return;
  const city = await tx.city.findUnique({ where: { id: cityId }, select: { id: true } });
  if (!city) throw new DomainError("VALIDATION", "errors.cityUnknown", { field: "cityId" });
}

/** A unique BIN/IIN violation becomes the form's error on that field; anything else propagates. */
function identifierConflict(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new DomainError("CONFLICT", "errors.org.identifierTaken", { field: "identifier" });
  }
  throw error;
}

/**
 * Registers an organisation (an employer or a driving school) with the caller as its owner. It
 * starts unverified (PENDING: in the operators' queue): it may draft vacancies but not publish
 * them, and a school has no public page, until verified.
 */
export async function createOrganization(raw: CreateOrganizationInput, actor: Actor) {
  const input = createOrganizationSchema.parse(raw);
  return db
    .$transaction(async (tx) => {
      const owned = await tx.membership.count({ where: { userId: actor.userId, role: "OWNER" } });
      if (owned >= MAX_OWNED_ORGANIZATIONS) throw new DomainError("CONFLICT", "errors.org.tooMany");
      await assertCityExists(tx, input.cityId);
      const isPerson = input.type === "PRIVATE_RECRUITER";
      const org = await tx.organization.create({
        data: {
          type: input.type,
          legalName: input.legalName,
          displayName: input.displayName,
          slug: slugify(input.displayName) || "organization",
          bin: isPerson ? null : input.identifier,
          iin: isPerson ? input.identifier : null,
          description: input.description,
          website: input.website,
          email: input.email,
          phone: input.phone,
          cityId: input.cityId,
          address: input.address,
          educationLicence: input.type === "DRIVING_SCHOOL" ? input.educationLicence : null,
          verification: "PENDING",
          memberships: { create: { userId: actor.userId, role: "OWNER" } },
        },
        select: { id: true, slug: true },
      });
      await flagOrganizationOnSave(tx, org.id, [input.displayName, input.legalName, input.description]);
      await audit(tx, actor, "organization.create", { type: "organization", id: org.id }, { data: { type: input.type } });
      return org;
    })
    .catch(identifierConflict);
}

/**
 * The public profile. A new display name changes the page's slug (the old URL redirects) and the
 * company name inside the search rows of its published vacancies, in the same transaction.
 */
export async function updateOrganizationProfile(organizationId: number, raw: unknown, actor: Actor) {
  const input = organizationProfileSchema.parse(raw);
  const { org, before } = await db.$transaction(async (tx) => {
    await assertCityExists(tx, input.cityId);
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { displayName: true, slug: true, type: true },
    });
    const org = await tx.organization.update({
      where: { id: organizationId },
      data: { ...input, slug: slugify(input.displayName) || "organization" },
      select: { id: true, slug: true, displayName: true, legalName: true, description: true },
    });
    await flagOrganizationOnSave(tx, organizationId, [org.displayName, org.legalName, org.description]);
    if (before.displayName !== input.displayName) {
      const published = await tx.vacancy.findMany({ where: { organizationId, status: "PUBLISHED" }, select: { id: true } });
      await refreshVacancySearch(
        tx,
        published.map((v) => v.id),
      );
    }
    await audit(tx, actor, "organization.update", { type: "organization", id: organizationId });
    return { org, before };
  });
  // The company page and the vacancy pages show the name, the city and the description.
  await revalidateOrganizationPagesAfterCommit({ id: org.id, type: before.type, slugs: [before.slug, org.slug] });
  return org;
}

/**
 * Legal name and BIN/IIN: editable until the organisation is verified (the operator checks them).
 * Correcting them after a refusal puts the organisation back into the verification queue.
 */
export async function updateOrganizationLegal(organizationId: number, raw: unknown, actor: Actor) {
  const input = organizationLegalSchema.parse(raw);
  return db
    .$transaction(async (tx) => {
      const org = await tx.organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { type: true, verification: true, displayName: true, description: true },
      });
      if (org.verification === "VERIFIED") throw new DomainError("CONFLICT", "errors.org.legalLocked");
      const isPerson = org.type === "PRIVATE_RECRUITER";
      await tx.organization.update({
        where: { id: organizationId },
        data: {
          legalName: input.legalName,
          bin: isPerson ? null : input.identifier,
          iin: isPerson ? input.identifier : null,
          verification: "PENDING",
          verificationNote: null,
        },
      });
      await flagOrganizationOnSave(tx, organizationId, [org.displayName, input.legalName, org.description]);
      await audit(tx, actor, "organization.legal.update", { type: "organization", id: organizationId });
    })
    .catch(identifierConflict);
}

/**
 * An organisation cannot delete itself: the owner asks the operator, who handles the request
 * (vacancies, applicants' data, payments) by hand. Asking twice keeps the first date.
 */
export async function requestOrganizationDeletion(organizationId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { deletionRequestedAt: true },
    });
    if (org.deletionRequestedAt) return { deletionRequestedAt: org.deletionRequestedAt };
    await tx.organization.update({ where: { id: organizationId }, data: { deletionRequestedAt: now } });
    await audit(tx, actor, "organization.deletion.request", { type: "organization", id: organizationId });
    return { deletionRequestedAt: now };
  });
}
