import { Prisma } from "@/generated/prisma/client";
import type { LegalDocumentKind } from "@/generated/prisma/enums";
import { diffRichText, type DiffPart } from "@/lib/legal-diff";
import { htmlToText, sanitizeRichText } from "@/lib/sanitize-html";
import {
  legalComparisonSchema,
  legalDiffSchema,
  legalDocumentIdSchema,
  legalDraftSchema,
  legalKindSchema,
} from "@/lib/validation/legal";
import { audit, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

// Versions of the terms and the privacy policy. A kind has versions 1, 2, 3…; at most one of them
// is a draft (the next number), edited until a superadmin publishes it; a published version never
// changes again (what people accepted stays readable word for word). The newest published version
// of each kind is the one in force: publishing it asks every signed-in person to accept it again
// (legal-acceptance.ts).

const VERSION_SELECT = {
  id: true,
  kind: true,
  version: true,
  titleRu: true,
  titleKk: true,
  bodyRu: true,
  bodyKk: true,
  publishedAt: true,
  createdAt: true,
} as const;

/** Every version of both kinds, newest first, without their bodies. */
export async function listLegalVersions() {
  const rows = await db.legalDocument.findMany({
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, version: true, titleRu: true, titleKk: true, publishedAt: true, createdAt: true },
  });
  const current = new Map<LegalDocumentKind, number>();
  for (const row of rows) if (row.publishedAt && !current.has(row.kind)) current.set(row.kind, row.id);
  return rows.map((row) => ({ ...row, inForce: current.get(row.kind) === row.id }));
}

/** One version with its texts (a draft too: staff preview it). */
export async function getLegalVersion(raw: unknown) {
  const { id } = legalDocumentIdSchema.parse(raw);
  const doc = await db.legalDocument.findUnique({ where: { id }, select: VERSION_SELECT });
  if (!doc) throw new DomainError("NOT_FOUND", "errors.legal.versionNotFound");
  return doc;
}

/**
 * A new draft of `kind`, numbered after the newest version and starting from its texts (a new
 * version is usually a few changed paragraphs). Refused while the kind already has a draft.
 */
export async function createLegalDraft(raw: unknown, actor: UserActor) {
  const { kind } = legalKindSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.legalDocument.findFirst({
        where: { kind },
        orderBy: { version: "desc" },
        select: { version: true, publishedAt: true, titleRu: true, titleKk: true, bodyRu: true, bodyKk: true },
      });
      if (latest && !latest.publishedAt) throw new DomainError("CONFLICT", "errors.legal.draftExists");
      const created = await tx.legalDocument.create({
        data: {
          kind,
          version: (latest?.version ?? 0) + 1,
          titleRu: latest?.titleRu ?? "",
          titleKk: latest?.titleKk ?? "",
          bodyRu: latest?.bodyRu ?? "",
          bodyKk: latest?.bodyKk ?? "",
        },
        select: { id: true, kind: true, version: true },
      });
      await audit(
        tx,
        actor,
        "legal.draft.create",
        { type: "legal_document", id: created.id },
        { data: { kind, version: created.version } },
      );
      return created;
    });
  } catch (error) {
    // Two superadmins starting a draft at once: the second gets the same number and the unique key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("CONFLICT", "errors.legal.draftExists");
    throw error;
  }
}

/** Sanitized body; a body with no text left (empty, or markup only) is refused for that field. */
function cleanBody(html: string, field: "bodyRu" | "bodyKk"): string {
  const clean = sanitizeRichText(html).trim();
  if (htmlToText(clean).length === 0) throw new DomainError("VALIDATION", "validation.legal.bodyRequired", { field });
  return clean;
}

/** New texts of a draft; a published version is refused and stays as it was. */
export async function updateLegalDraft(raw: unknown, actor: UserActor) {
  const input = legalDraftSchema.parse(raw);
  const data = {
    titleRu: input.titleRu,
    titleKk: input.titleKk,
    bodyRu: cleanBody(input.bodyRu, "bodyRu"),
    bodyKk: cleanBody(input.bodyKk, "bodyKk"),
  };
  return db.$transaction(async (tx) => {
    const { count } = await tx.legalDocument.updateMany({ where: { id: input.id, publishedAt: null }, data });
    if (count === 0) await refuseChange(tx, input.id);
    await audit(tx, actor, "legal.draft.update", { type: "legal_document", id: input.id });
    return { id: input.id };
  });
}

/**
 * Publishes a draft: from now on it is the version in force, and nobody can change it. Its texts
 * must be complete (a draft starts from the previous version's, but a first one starts empty).
 */
export async function publishLegalVersion(raw: unknown, actor: UserActor) {
  const { id } = legalDocumentIdSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const doc = await tx.legalDocument.findUnique({ where: { id }, select: VERSION_SELECT });
    if (!doc) throw new DomainError("NOT_FOUND", "errors.legal.versionNotFound");
    if (doc.publishedAt) throw new DomainError("CONFLICT", "errors.legal.alreadyPublished");
    if (!doc.titleRu.trim() || !doc.titleKk.trim() || !htmlToText(doc.bodyRu) || !htmlToText(doc.bodyKk))
      throw new DomainError("VALIDATION", "errors.legal.incomplete");
    const publishedAt = new Date();
    // Guarded by the state read above: a second publish of the same draft changes nothing.
    const { count } = await tx.legalDocument.updateMany({ where: { id, publishedAt: null }, data: { publishedAt } });
    if (count === 0) throw new DomainError("CONFLICT", "errors.legal.alreadyPublished");
    await audit(tx, actor, "legal.publish", { type: "legal_document", id }, { data: { kind: doc.kind, version: doc.version } });
    return { id, kind: doc.kind, version: doc.version, publishedAt };
  });
}

async function refuseChange(tx: Pick<typeof db, "legalDocument">, id: number): Promise<never> {
  const exists = await tx.legalDocument.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new DomainError("NOT_FOUND", "errors.legal.versionNotFound");
  throw new DomainError("CONFLICT", "errors.legal.alreadyPublished");
}

export interface LegalDiff {
  kind: LegalDocumentKind;
  from: { version: number; publishedAt: Date | null };
  to: { version: number; publishedAt: Date | null };
  ru: { title: DiffPart[]; body: DiffPart[] };
  kk: { title: DiffPart[]; body: DiffPart[] };
}

/**
 * What changed from one version of a kind to another, in both languages. `publishedOnly` for
 * everyone but staff: drafts are not shown to the public.
 */
export async function diffLegalVersions(raw: unknown, options: { publishedOnly: boolean }): Promise<LegalDiff> {
  const input = legalDiffSchema.parse(raw);
  if (input.from === input.to) throw new DomainError("VALIDATION", "errors.legal.sameVersion");
  const docs = await db.legalDocument.findMany({
    where: {
      kind: input.kind,
      version: { in: [input.from, input.to] },
      ...(options.publishedOnly ? { publishedAt: { not: null } } : {}),
    },
    select: VERSION_SELECT,
  });
  const from = docs.find((d) => d.version === input.from);
  const to = docs.find((d) => d.version === input.to);
  if (!from || !to) throw new DomainError("NOT_FOUND", "errors.legal.versionNotFound");
  const titleDiff = (a: string, b: string) => diffRichText(`<p>${escapeText(a)}</p>`, `<p>${escapeText(b)}</p>`);
  return {
    kind: input.kind,
    from: { version: from.version, publishedAt: from.publishedAt },
    to: { version: to.version, publishedAt: to.publishedAt },
    ru: { title: titleDiff(from.titleRu, to.titleRu), body: diffRichText(from.bodyRu, to.bodyRu) },
    kk: { title: titleDiff(from.titleKk, to.titleKk), body: diffRichText(from.bodyKk, to.bodyKk) },
  };
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The version numbers of a kind, newest first (published ones only for everyone but staff). */
async function legalVersionNumbers(kind: LegalDocumentKind, options: { publishedOnly: boolean }): Promise<number[]> {
  const rows = await db.legalDocument.findMany({
    where: { kind, ...(options.publishedOnly ? { publishedAt: { not: null } } : {}) },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return rows.map((r) => r.version);
}

export interface LegalComparison {
  kind: LegalDocumentKind;
  /** The versions one may pick, newest first. */
  versions: number[];
  from: number;
  to: number;
  /** null when the kind has fewer than two versions to compare. */
  diff: LegalDiff | null;
}

/**
 * A comparison page: the versions of a kind and the diff between the two asked for (by default
 * the two newest). Refused like diffLegalVersions when a version asked for does not exist.
 */
export async function compareLegalVersions(raw: unknown, options: { publishedOnly: boolean }): Promise<LegalComparison> {
  const query = legalComparisonSchema.parse(raw ?? {});
  const versions = await legalVersionNumbers(query.kind, options);
  const to = query.to ?? versions[0] ?? 1;
  const from = query.from ?? versions.find((v) => v < to) ?? to;
  if (versions.length < 2) return { kind: query.kind, versions, from, to, diff: null };
  return { kind: query.kind, versions, from, to, diff: await diffLegalVersions({ kind: query.kind, from, to }, options) };
}
