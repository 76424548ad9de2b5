import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import type { LegalDocumentKind } from "@/generated/prisma/enums";

/** The latest published version of the terms or the privacy policy. */
export async function getLegalDocument(kind: LegalDocumentKind) {
  const doc = await db.legalDocument.findFirst({
    where: { kind, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { kind: true, version: true, titleRu: true, titleKk: true, bodyRu: true, bodyKk: true, publishedAt: true },
  });
  if (!doc) throw new DomainError("NOT_FOUND", "errors.legal.notPublished");
  return doc;
}
