import { type Prisma } from "@/generated/prisma/client";
import { MAX_RESUMES, resumeInputSchema, type ResumeData, type ResumeInput } from "@/lib/validation/resume";
import { db } from "@/server/db";
import type { Db, DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { PUBLIC_ORGANIZATION_WHERE } from "@/server/services/organizations/public-organization";
import { HIDDEN_RESUME_STATES } from "@/lib/resume-moderation";

import { flagResumeOnSave } from "../moderation/resume-moderation";
import { openedUnderRunningAccess } from "../resume-database/coverage";
import { refreshResumeSearch } from "../resume-database/resume-search-index";
import { resumeInDatabaseFor } from "@/lib/resume-database-rule";
import { verifiedLicenceSelect } from "./verified-licences";

/**
 * Resumes an employer may be shown at all: not hidden by moderation. Part of resumeAccessFor, and
 * the condition any listing of resumes for employers starts from.
 */
export const resumeVisibleToEmployersWhere = {
  moderation: { notIn: [...HIDDEN_RESUME_STATES] },
} satisfies Prisma.ResumeWhereInput;

/** Everything a resume shows, in display order; the same shape for its owner and for employers. */
export const resumeDocumentSelect = {
  id: true,
  publicId: true,
  userId: true,
  title: true,
  desiredSalary: true,
  employmentTypes: true,
  schedules: true,
  skills: true,
  about: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  city: { select: { id: true, nameRu: true, nameKk: true } },
  relocationRegions: {
    select: { region: { select: { id: true, nameRu: true, nameKk: true } } },
    orderBy: { region: { nameRu: "asc" } },
  },
  specializations: {
    select: { specialization: { select: { id: true, nameRu: true, nameKk: true } } },
    orderBy: { specialization: { nameRu: "asc" } },
  },
  experiences: {
    select: { id: true, company: true, position: true, startedOn: true, endedOn: true, description: true },
    orderBy: [{ sortOrder: "asc" }, { startedOn: "desc" }],
  },
  educations: {
    select: { id: true, level: true, institution: true, speciality: true, graduationYear: true },
    orderBy: [{ graduationYear: { sort: "desc", nulls: "first" } }, { id: "asc" }],
  },
  languages: { select: { language: true, level: true }, orderBy: { language: "asc" } },
  licences: { select: { category: true, yearObtained: true }, orderBy: { category: "asc" } },
  // The owner's categories verified by a driving school: on every resume of theirs.
  user: { select: { verifiedLicences: verifiedLicenceSelect } },
} satisfies Prisma.ResumeSelect;

export type ResumeDocument = Prisma.ResumeGetPayload<{ select: typeof resumeDocumentSelect }>;

/** The owner's copy: the document plus the organisations it is hidden from. */
const ownSelect = {
  ...resumeDocumentSelect,
  hiddenFrom: {
    select: { organization: { select: { id: true, displayName: true } } },
    orderBy: { organization: { displayName: "asc" } },
  },
  _count: { select: { applications: true } },
  // What moderation decided, for its owner: the reason of a hidden resume, and what was found.
  moderation: true,
  moderationFlags: true,
  hiddenReason: true,
  hiddenAt: true,
} satisfies Prisma.ResumeSelect;

export type OwnResume = Prisma.ResumeGetPayload<{ select: typeof ownSelect }>;

export function listMyResumes(userId: number) {
  return db.resume.findMany({
    where: { userId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      desiredSalary: true,
      visibility: true,
      updatedAt: true,
      moderation: true,
      city: { select: { nameRu: true, nameKk: true } },
      _count: { select: { applications: true } },
    },
  });
}

export async function getMyResume(userId: number, resumeId: number): Promise<OwnResume> {
  const resume = await db.resume.findFirst({ where: { id: resumeId, userId }, select: ownSelect });
  if (!resume) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
  return resume;
}

/** The seeker's own resume with the contacts it carries (theirs): the resume page and its PDF. */
export async function getMyResumeWithContacts(userId: number, resumeId: number) {
  const [resume, person] = await Promise.all([
    getMyResume(userId, resumeId),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, phone: true } }),
  ]);
  return { resume, person };
}

/** Catalogue references must exist; reported per field, before anything is written. */
async function checkReferences(tx: DbTx, data: ResumeData) {
  // One after another: a transaction's connection runs one query at a time.
  const city = data.cityId === null ? null : await tx.city.findUnique({ where: { id: data.cityId }, select: { id: true } });
  const regions = data.relocationRegionIds.length
    ? await tx.region.count({ where: { id: { in: data.relocationRegionIds } } })
    : 0;
  const specializations = await tx.specialization.count({
    where: { id: { in: data.specializationIds }, parentId: { not: null } },
  });
  const organizations = data.hiddenOrganizationIds.length
    ? await tx.organization.count({ where: { id: { in: data.hiddenOrganizationIds } } })
    : 0;
  if (data.cityId !== null && !city) throw new DomainError("VALIDATION", "errors.cityUnknown", { field: "cityId" });
  if (regions !== data.relocationRegionIds.length) {
    throw new DomainError("VALIDATION", "errors.resumes.regionUnknown", { field: "relocationRegionIds" });
  }
  if (specializations !== data.specializationIds.length) {
    throw new DomainError("VALIDATION", "errors.resumes.specializationUnknown", { field: "specializationIds" });
  }
  if (organizations !== data.hiddenOrganizationIds.length) {
    throw new DomainError("VALIDATION", "errors.resumes.organizationUnknown", { field: "hiddenOrganizationIds" });
  }
}

function scalarData(data: ResumeData) {
  return {
    title: data.title,
    desiredSalary: data.desiredSalary,
    cityId: data.cityId,
    employmentTypes: data.employmentTypes,
    schedules: data.schedules,
    skills: data.skills,
    about: data.about,
    visibility: data.visibility,
  };
}

/** Writes the lists of a resume (after its old lists were removed, when updating). */
async function writeParts(tx: DbTx, resumeId: number, data: ResumeData) {
  // One after another: a transaction's connection runs one query at a time.
  await tx.resumeSpecialization.createMany({
    data: data.specializationIds.map((specializationId) => ({ resumeId, specializationId })),
  });
  await tx.resumeRelocationRegion.createMany({ data: data.relocationRegionIds.map((regionId) => ({ resumeId, regionId })) });
  await tx.resumeExperience.createMany({
    data: data.experiences.map((e, sortOrder) => ({ resumeId, sortOrder, ...e })),
  });
  await tx.resumeEducation.createMany({ data: data.educations.map((e) => ({ resumeId, ...e })) });
  await tx.resumeLanguage.createMany({ data: data.languages.map((l) => ({ resumeId, ...l })) });
  await tx.resumeLicence.createMany({ data: data.licences.map((l) => ({ resumeId, ...l })) });
  await tx.resumeHiddenOrganization.createMany({
    data: data.hiddenOrganizationIds.map((organizationId) => ({ resumeId, organizationId })),
  });
}

/** Locks the seeker's row so that two creations at once cannot both pass the limit. */
async function lockSeeker(tx: DbTx, userId: number) {
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
}

/** `data` is the parsed form (`resumeInputSchema.parse`), as the tRPC input gives it. */
export async function createResume(userId: number, data: ResumeData, now = new Date()): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    await lockSeeker(tx, userId);
    const count = await tx.resume.count({ where: { userId } });
    if (count >= MAX_RESUMES) throw new DomainError("CONFLICT", "errors.resumes.tooMany");
    await checkReferences(tx, data);
    const resume = await tx.resume.create({ data: { userId, ...scalarData(data) }, select: { id: true } });
    await writeParts(tx, resume.id, data);
    await flagResumeOnSave(tx, resume.id, data, now);
    await refreshResumeSearch(tx, [resume.id]);
    return resume;
  });
}

export async function updateResume(
  userId: number,
  resumeId: number,
  data: ResumeData,
  now = new Date(),
): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const owned = await tx.resume.findFirst({ where: { id: resumeId, userId }, select: { id: true } });
    if (!owned) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
    await checkReferences(tx, data);
    await tx.resumeSpecialization.deleteMany({ where: { resumeId } });
    await tx.resumeRelocationRegion.deleteMany({ where: { resumeId } });
    await tx.resumeExperience.deleteMany({ where: { resumeId } });
    await tx.resumeEducation.deleteMany({ where: { resumeId } });
    await tx.resumeLanguage.deleteMany({ where: { resumeId } });
    await tx.resumeLicence.deleteMany({ where: { resumeId } });
    await tx.resumeHiddenOrganization.deleteMany({ where: { resumeId } });
    await tx.resume.update({ where: { id: resumeId }, data: scalarData(data), select: { id: true } });
    await writeParts(tx, resumeId, data);
    await flagResumeOnSave(tx, resumeId, data, now);
    await refreshResumeSearch(tx, [resumeId]);
    return { id: resumeId };
  });
}

/**
 * Deletes a resume. Applications sent with it stay (the covering message and contacts remain
 * with the employer) but no longer carry the resume. Its database row goes with it (cascade).
 */
export async function deleteResume(userId: number, resumeId: number): Promise<void> {
  const { count } = await db.resume.deleteMany({ where: { id: resumeId, userId } });
  if (count === 0) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
}

/** A copy of one of the seeker's resumes, titled as a copy, within the same limit. */
export async function duplicateResume(userId: number, resumeId: number, copySuffix: string): Promise<{ id: number }> {
  const source = await getMyResume(userId, resumeId);
  const title = `${source.title} ${copySuffix}`.slice(0, 150);
  const copy: ResumeInput = {
    title,
    desiredSalary: source.desiredSalary,
    cityId: source.city?.id ?? null,
    relocationRegionIds: source.relocationRegions.map((r) => r.region.id),
    specializationIds: source.specializations.map((s) => s.specialization.id),
    employmentTypes: source.employmentTypes,
    schedules: source.schedules,
    experiences: source.experiences.map((e) => ({
      company: e.company,
      position: e.position,
      startedOn: e.startedOn.toISOString().slice(0, 7),
      endedOn: e.endedOn ? e.endedOn.toISOString().slice(0, 7) : null,
      description: e.description,
    })),
    educations: source.educations.map(({ id: _id, ...e }) => e),
    languages: source.languages.map((l) => ({ ...l, language: l.language as ResumeInput["languages"][number]["language"] })),
    skills: source.skills,
    licences: source.licences,
    about: source.about,
    // A copy starts hidden, so that two identical resumes never both appear to employers by surprise.
    visibility: "HIDDEN",
    hiddenOrganizationIds: [],
  };
  return createResume(userId, resumeInputSchema.parse(copy));
}

/** Organisations a seeker can hide a resume from: verified ones, by name (public information). */
export async function findOrganizationsToHideFrom(query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  return db.organization.findMany({
    where: {
      verification: "VERIFIED",
      ...PUBLIC_ORGANIZATION_WHERE,
      OR: [{ displayName: { contains: q, mode: "insensitive" } }, { legalName: { contains: q, mode: "insensitive" } }],
    },
    orderBy: { displayName: "asc" },
    take: 10,
    select: { id: true, displayName: true, city: { select: { nameRu: true, nameKk: true } } },
  });
}

/**
 * Whether an organisation may see a resume, and with the seeker's contacts or without. The
 * resume is named by its public id (the one in employers' URLs).
 *
 * - A resume the seeker sent to this organisation with an application: always, with contacts
 *   (applying shares both, whatever the setting). An invitation the organisation sent is not an
 *   application of the seeker's here: it shares nothing.
 * - APPLIED_ONLY: organisations the seeker applied to (any vacancy, any resume).
 * - ALL / ALL_EXCEPT: what the organisation finds in the resume database (resumeInDatabaseFor,
 *   the rule the database search shares): every organisation but the listed ones, and only a
 *   verified, unblocked one (SPEC §4: a company registered a minute ago is nobody yet), and never
 *   while the seeker is blocked.
 * - HIDDEN: none.
 * - Hidden by moderation (whatever the setting, applications included): none; only its owner and
 *   staff see it.
 * Contacts come with an application (`applied`: to organisations the seeker applied to);
 * otherwise only by opening them from the resume database (resume-database/open-resume-contacts.ts).
 * `client` lets a transaction decide with the rows it sees.
 */
export async function resumeAccessFor(organizationId: number, publicId: string, client: Db | DbTx = db) {
  if (!isResumePublicId(publicId)) return null;
  // One after another: `client` may be a transaction, whose connection runs one query at a time.
  const resume = await client.resume.findFirst({
    where: { publicId, ...resumeVisibleToEmployersWhere },
    select: {
      id: true,
      userId: true,
      visibility: true,
      moderation: true,
      user: { select: { blockedAt: true } },
      hiddenFrom: { where: { organizationId }, select: { organizationId: true } },
    },
  });
  const organization = await client.organization.findUnique({
    where: { id: organizationId },
    select: { verification: true, blockedAt: true },
  });
  if (!resume || !organization) return null;
  const applications = await client.application.findMany({
    where: seekerAppliedTo(organizationId, resume.userId),
    select: { resumeId: true },
  });
  const applied = applications.length > 0;
  const sentHere = applications.some((a) => a.resumeId === resume.id);
  const visible =
    sentHere ||
    (resume.visibility === "APPLIED_ONLY" && applied) ||
    resumeInDatabaseFor(organization, {
      visibility: resume.visibility,
      moderation: resume.moderation,
      ownerBlockedAt: resume.user.blockedAt,
      hiddenFromOrganization: resume.hiddenFrom.length > 0,
    });
  return visible ? { resumeId: resume.id, userId: resume.userId, withContacts: applied } : null;
}

/**
 * The seeker's own applications to the organisation: what shares their resume and contacts with
 * it. An invitation the organisation sent (origin EMPLOYER) shares nothing: the seeker did not ask.
 */
const seekerAppliedTo = (organizationId: number, seekerId: number) =>
  ({
    seekerId,
    vacancy: { organizationId },
    origin: "SEEKER",
    status: { not: "WITHDRAWN" },
  }) satisfies Prisma.ApplicationWhereInput;

/** What an organisation without the seeker's contacts sees of their name. */
export const firstName = (name: string) => name.split(/\s+/)[0] ?? "";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a text is shaped like a resume's public id (a UUID) at all. */
export const isResumePublicId = (publicId: string) => UUID.test(publicId);

/**
 * The resume as an organisation sees it; NOT_FOUND whenever the rules above say no. Contacts are
 * shown to an organisation the seeker applied to, and to one that opened them under an access
 * that still runs (`contacts` says which, null when hidden).
 */
export async function getResumeForOrganization(organizationId: number, publicId: string, now: Date = new Date()) {
  const access = await resumeAccessFor(organizationId, publicId);
  if (!access) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
  const contacts: "APPLIED" | "OPENED" | null = access.withContacts
    ? "APPLIED"
    : (await openedUnderRunningAccess(organizationId, access.resumeId, now))
      ? "OPENED"
      : null;
  const [resume, seeker] = await Promise.all([
    db.resume.findUniqueOrThrow({ where: { id: access.resumeId }, select: resumeDocumentSelect }),
    db.user.findUniqueOrThrow({
      where: { id: access.userId },
      select: { name: true, email: true, phone: true, city: { select: { nameRu: true, nameKk: true } } },
    }),
  ]);
  const { userId: _userId, visibility: _visibility, ...document } = resume;
  return {
    resume: document,
    contacts,
    seeker: contacts
      ? { name: seeker.name, email: seeker.email, phone: seeker.phone }
      : { name: firstName(seeker.name), email: null, phone: null },
  };
}
