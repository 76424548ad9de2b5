import type { Prisma } from "@/generated/prisma/client";
import type { VacancyStatus } from "@/generated/prisma/enums";
import { slugify } from "@/lib/slugify";
import { cleanVacancyDescription, detectProhibitedSchemes, sameDuties, type RemovedItem } from "@/lib/vacancy-text";
import { DESCRIPTION_MAX_BYTES, DESCRIPTION_MIN_CHARS, vacancyInputSchema, type VacancyData } from "@/lib/validation/vacancy";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { isTermFlag } from "@/lib/moderation-terms/match-terms";
import { audit } from "@/server/audit";

import type { Actor } from "../organizations/manage-organization";
import { holdPublicationCredit, returnHeldCredit, spendHeldCredit } from "../billing/credits";
import { refreshVacancySearch } from "../search/search-index";
import { termFlagsFor } from "../moderation/prohibited-terms";

import { publishVacancy } from "./publish";
import { revalidateVacanciesAfterCommit } from "./vacancy-cache";

const EDITABLE: VacancyStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"];

/** Everything the dashboard lists, newest first; the organisation is always part of the condition. */
export function listOrganizationVacancies(organizationId: number, status?: VacancyStatus) {
  return db.vacancy.findMany({
    where: { organizationId, ...(status ? { status } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      publicationType: true,
      publishedAt: true,
      expiresAt: true,
      updatedAt: true,
      moderationReason: true,
      city: { select: { nameRu: true, nameKk: true } },
      _count: { select: { applications: true } },
    },
  });
}

export async function getOrganizationVacancy(organizationId: number, vacancyId: number) {
  const vacancy = await db.vacancy.findFirst({
    where: { id: vacancyId, organizationId },
    include: { specializations: { select: { specializationId: true } } },
  });
  if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
  const { specializations, ...rest } = vacancy;
  return { ...rest, specializationIds: specializations.map((s) => s.specializationId) };
}

async function assertCatalogue(tx: DbTx, data: VacancyData) {
  // One after another: a transaction's connection runs one query at a time.
  const city = await tx.city.findUnique({ where: { id: data.cityId }, select: { id: true } });
  const specs = await tx.specialization.count({ where: { id: { in: data.specializationIds } } });
  if (!city) throw new DomainError("VALIDATION", "errors.cityUnknown", { field: "cityId" });
  if (specs !== data.specializationIds.length) {
    throw new DomainError("VALIDATION", "errors.vacancy.specializationUnknown", { field: "specializationIds" });
  }
}

/** The description as it is stored, and what the rules took out of it or found in it. */
export function prepareDescription(raw: string) {
  const cleaned = cleanVacancyDescription(raw);
  if (cleaned.text.length < DESCRIPTION_MIN_CHARS) {
    throw new DomainError("VALIDATION", "validation.vacancy.descriptionTooShort", { field: "description" });
  }
  if (Buffer.byteLength(cleaned.html, "utf8") > DESCRIPTION_MAX_BYTES) {
    throw new DomainError("VALIDATION", "validation.vacancy.descriptionTooLong", { field: "description" });
  }
  return { ...cleaned, flags: detectProhibitedSchemes(`${cleaned.text}`) };
}

function columns(data: VacancyData, description: string, flags: string[]) {
  return {
    title: data.title,
    slug: slugify(data.title) || "vacancy",
    language: data.language,
    cityId: data.cityId,
    address: data.address,
    salaryFrom: data.salaryFrom,
    salaryTo: data.salaryTo,
    salaryGross: data.salaryGross,
    experience: data.experience,
    employmentType: data.employmentType,
    schedule: data.schedule,
    isRemote: data.isRemote,
    licenceCategories: data.licenceCategories,
    description,
    publicationType: data.publicationType,
    companyDescription: data.companyDescription,
    contactName: data.contactName,
    contactPhone: data.contactPhone,
    contactEmail: data.contactEmail,
    moderationFlags: flags,
  } satisfies Prisma.VacancyUncheckedUpdateInput;
}

export interface SaveResult {
  id: number;
  status: VacancyStatus;
  removed: RemovedItem[];
  flags: string[];
  /** A published vacancy whose duties changed went back to moderation. */
  backToModeration: boolean;
}

/**
 * Creates a draft or saves an existing vacancy of the organisation. Contacts and links are taken
 * out of the description (the result says which), suspicious schemes are flagged for the
 * moderator. A published vacancy stays published when only salary, address or contacts change;
 * a change of duties sends it back to moderation (and out of search) until approved again.
 */
export async function saveVacancy(
  organizationId: number,
  vacancyId: number | null,
  raw: unknown,
  actor: Actor,
  now = new Date(),
) {
  const data = vacancyInputSchema.parse(raw);
  const description = prepareDescription(data.description);
  const result = await db.$transaction(async (tx): Promise<SaveResult & { wasPublic: boolean }> => {
    await assertCatalogue(tx, data);
    // The text rules' flags and the prohibited-words list's terms, in the one flag column.
    const flags = [...description.flags, ...(await termFlagsFor([data.title, description.text], tx))];
    const values = columns(data, description.html, flags);
    if (vacancyId === null) {
      const created = await tx.vacancy.create({
        data: {
          ...values,
          organizationId,
          createdById: actor.userId,
          status: "DRAFT",
          specializations: { create: data.specializationIds.map((specializationId) => ({ specializationId })) },
        },
        select: { id: true },
      });
      await audit(tx, actor, "vacancy.create", { type: "vacancy", id: created.id });
      return {
        id: created.id,
        status: "DRAFT",
        removed: description.removed,
        flags,
        backToModeration: false,
        wasPublic: false,
      };
    }

    const current = await tx.vacancy.findFirst({
      where: { id: vacancyId, organizationId },
      include: { specializations: { select: { specializationId: true } } },
    });
    if (!current) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
    if (!EDITABLE.includes(current.status)) throw new DomainError("CONFLICT", "errors.vacancy.notEditable");
    const dutiesKept = sameDuties(
      {
        title: current.title,
        descriptionText: cleanVacancyDescription(current.description).text,
        specializationIds: current.specializations.map((s) => s.specializationId),
        experience: current.experience,
        employmentType: current.employmentType,
        schedule: current.schedule,
        licenceCategories: current.licenceCategories,
      },
      {
        title: data.title,
        descriptionText: description.text,
        specializationIds: data.specializationIds,
        experience: data.experience,
        employmentType: data.employmentType,
        schedule: data.schedule,
        licenceCategories: data.licenceCategories,
      },
    );
    // The publication type is part of what was approved (and, later, of what was paid for).
    const backToModeration = current.status === "PUBLISHED" && (!dutiesKept || data.publicationType !== current.publicationType);
    await tx.vacancy.update({
      where: { id: current.id },
      data: {
        ...values,
        ...(backToModeration ? { status: "SUBMITTED", submittedAt: now } : {}),
      },
    });
    await tx.vacancySpecialization.deleteMany({ where: { vacancyId: current.id } });
    await tx.vacancySpecialization.createMany({
      data: data.specializationIds.map((specializationId) => ({ vacancyId: current.id, specializationId })),
    });
    if (data.publicationType !== current.publicationType) {
      // Another type is another credit. A published vacancy's credit paid for the time it was
      // live and stays spent; a submitted one's is swapped (given back, the new type taken).
      if (current.status === "PUBLISHED") await spendHeldCredit(tx, current.id);
      if (backToModeration || current.status === "SUBMITTED")
        await holdPublicationCredit(tx, { id: current.id, organizationId, publicationType: data.publicationType }, now, actor);
    }
    if (current.status === "PUBLISHED") await refreshVacancySearch(tx, [current.id]);
    await audit(tx, actor, backToModeration ? "vacancy.update.remoderate" : "vacancy.update", {
      type: "vacancy",
      id: current.id,
    });
    return {
      id: current.id,
      status: backToModeration ? "SUBMITTED" : current.status,
      removed: description.removed,
      flags,
      backToModeration,
      wasPublic: current.status === "PUBLISHED",
    };
  });
  if (result.wasPublic) await revalidateVacanciesAfterCommit([result.id]);
  const { wasPublic: _wasPublic, ...answer } = result;
  return answer;
}

/** Moves a vacancy of the organisation from one of `from` states; the condition makes it race-free. */
async function transition(
  tx: DbTx,
  organizationId: number,
  vacancyId: number,
  from: VacancyStatus[],
  data: Prisma.VacancyUncheckedUpdateManyInput,
) {
  const changed = await tx.vacancy.updateMany({ where: { id: vacancyId, organizationId, status: { in: from } }, data });
  if (changed.count === 1) return;
  const exists = await tx.vacancy.count({ where: { id: vacancyId, organizationId } });
  throw exists
    ? new DomainError("CONFLICT", "errors.vacancy.wrongState")
    : new DomainError("NOT_FOUND", "errors.vacancy.notFound");
}

/**
 * The list may have changed since the draft was saved: the terms are looked for again as the
 * vacancy goes to the moderators (the text rules' own flags depend on the text only).
 */
async function reflagOnSubmit(tx: DbTx, vacancyId: number) {
  const vacancy = await tx.vacancy.findUniqueOrThrow({
    where: { id: vacancyId },
    select: { title: true, description: true, moderationFlags: true },
  });
  const terms = await termFlagsFor([vacancy.title, cleanVacancyDescription(vacancy.description).text], tx);
  const rules = vacancy.moderationFlags.filter((flag) => !isTermFlag(flag));
  await tx.vacancy.update({ where: { id: vacancyId }, data: { moderationFlags: [...rules, ...terms] }, select: { id: true } });
}

/** Sends a draft (or a returned vacancy) to pre-moderation. Only a verified organisation may. */
export async function submitVacancy(organizationId: number, vacancyId: number, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { verification: true, blockedAt: true },
    });
    if (org.blockedAt || org.verification !== "VERIFIED") throw new DomainError("CONFLICT", "errors.vacancy.orgNotVerified");
    await transition(tx, organizationId, vacancyId, ["DRAFT", "RETURNED"], { status: "SUBMITTED", submittedAt: now });
    await reflagOnSubmit(tx, vacancyId);
    // The employer learns of a missing credit now, not when a moderator approves days later.
    const vacancy = await tx.vacancy.findUniqueOrThrow({
      where: { id: vacancyId },
      select: { id: true, organizationId: true, publicationType: true },
    });
    await holdPublicationCredit(tx, vacancy, now, actor);
    await audit(tx, actor, "vacancy.submit", { type: "vacancy", id: vacancyId });
  });
}

/** The employer takes a published vacancy down before its 30 days are over. */
export async function archiveVacancy(organizationId: number, vacancyId: number, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    await transition(tx, organizationId, vacancyId, ["PUBLISHED"], { status: "ARCHIVED", archivedAt: now });
    await refreshVacancySearch(tx, [vacancyId]);
    await audit(tx, actor, "vacancy.archive", { type: "vacancy", id: vacancyId });
  });
  await revalidateVacanciesAfterCommit([vacancyId]);
}

/** Republication from the archive: the approved text goes live again for a new period. */
export async function republishVacancy(organizationId: number, vacancyId: number, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findFirst({
      where: { id: vacancyId, organizationId },
      select: { id: true, organizationId: true, status: true, publicationType: true },
    });
    if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
    if (vacancy.status !== "ARCHIVED") throw new DomainError("CONFLICT", "errors.vacancy.wrongState");
    // The last publication used its credit; this one takes a new one.
    await spendHeldCredit(tx, vacancy.id);
    await publishVacancy(tx, vacancy, now, actor);
    await audit(tx, actor, "vacancy.republish", { type: "vacancy", id: vacancyId });
  });
  await revalidateVacanciesAfterCommit([vacancyId]);
}

/**
 * A vacancy that was never published (a draft, or one the moderator returned) may be deleted by
 * its organisation. A credit it holds for its coming publication was never spent: it goes back.
 */
export async function deleteDraft(organizationId: number, vacancyId: number, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findFirst({
      where: { id: vacancyId, organizationId },
      select: { status: true, publishedAt: true },
    });
    if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
    if (!["DRAFT", "RETURNED"].includes(vacancy.status) || vacancy.publishedAt !== null)
      throw new DomainError("CONFLICT", "errors.vacancy.wrongState");
    await returnHeldCredit(tx, vacancyId, "deleted before publication", now, actor);
    const deleted = await tx.vacancy.deleteMany({
      where: { id: vacancyId, organizationId, status: { in: ["DRAFT", "RETURNED"] }, publishedAt: null },
    });
    // Submitted or published by someone else meanwhile: nothing is deleted, the credit stays.
    if (deleted.count === 0) throw new DomainError("CONFLICT", "errors.vacancy.wrongState");
    await audit(tx, actor, "vacancy.delete", { type: "vacancy", id: vacancyId });
  });
}
