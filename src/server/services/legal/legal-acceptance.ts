import { Prisma } from "@/generated/prisma/client";
import type { LegalDocumentKind } from "@/generated/prisma/enums";
import { acceptLegalSchema } from "@/lib/validation/legal";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

// Whoever is signed in has accepted the versions of the terms and the privacy policy in force
// (the newest published of each kind), or must accept them before doing anything else. The check
// runs with every signed-in request (resolveSession), so it is one query over two unique indexes.

/**
 * Whether a version in force has not been accepted by this user: a newer version was published
 * since they last accepted, or they never accepted one (accounts made before the terms existed).
 */
export async function hasPendingLegalDocuments(userId: number, client: Pick<typeof db, "$queryRaw"> = db): Promise<boolean> {
  const [row] = await client.$queryRaw<{ pending: boolean }[]>(Prisma.sql`
    SELECT EXISTS (
      SELECT 1
      FROM (SELECT DISTINCT ON (kind) id FROM legal_documents
            WHERE published_at IS NOT NULL ORDER BY kind, version DESC) AS in_force
      WHERE NOT EXISTS (SELECT 1 FROM legal_acceptances a WHERE a.user_id = ${userId} AND a.document_id = in_force.id)
    ) AS pending`);
  return row?.pending ?? false;
}

type Reader = Pick<typeof db, "legalDocument">;

/** The versions in force: the newest published of each kind. */
async function versionsInForce(client: Reader) {
  const rows = await client.legalDocument.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    distinct: ["kind"],
    select: { id: true, kind: true, version: true, titleRu: true, titleKk: true, publishedAt: true },
  });
  return rows;
}

export interface PendingLegalDocument {
  id: number;
  kind: LegalDocumentKind;
  version: number;
  titleRu: string;
  titleKk: string;
  publishedAt: Date | null;
  /** The newest version of this kind the user accepted before, to compare with; null if none. */
  acceptedVersion: number | null;
}

/** The versions in force this user has yet to accept, with the version of each they accepted last. */
export async function pendingLegalDocuments(userId: number): Promise<PendingLegalDocument[]> {
  const [inForce, accepted] = await Promise.all([
    versionsInForce(db),
    db.legalAcceptance.findMany({
      where: { userId, document: { publishedAt: { not: null } } },
      select: { documentId: true, document: { select: { kind: true, version: true } } },
    }),
  ]);
  const acceptedIds = new Set(accepted.map((a) => a.documentId));
  return inForce
    .filter((doc) => !acceptedIds.has(doc.id))
    .map((doc) => {
      const earlier = accepted.filter((a) => a.document.kind === doc.kind).map((a) => a.document.version);
      return { ...doc, acceptedVersion: earlier.length > 0 ? Math.max(...earlier) : null };
    });
}

/**
 * Records that the user accepted the versions they were shown, with when, from which address and
 * browser. They must be exactly the versions in force not yet accepted: a version published after
 * the page was shown has to be read first (the page shows it on reload).
 */
export async function acceptLegalDocuments(
  userId: number,
  raw: unknown,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ accepted: number }> {
  const { documentIds } = acceptLegalSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const inForce = await versionsInForce(tx);
    const current = new Set(inForce.map((d) => d.id));
    if (documentIds.some((id) => !current.has(id))) throw new DomainError("CONFLICT", "errors.legal.outdated");
    const done = await tx.legalAcceptance.findMany({
      where: { userId, documentId: { in: [...current] } },
      select: { documentId: true },
    });
    const pending = [...current].filter((id) => !done.some((d) => d.documentId === id));
    if (pending.some((id) => !documentIds.includes(id))) throw new DomainError("CONFLICT", "errors.legal.outdated");
    const { count } = await tx.legalAcceptance.createMany({
      data: pending.map((documentId) => ({
        userId,
        documentId,
        ip: meta.ip?.slice(0, 45) ?? null,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
      })),
      skipDuplicates: true,
    });
    return { accepted: count };
  });
}
