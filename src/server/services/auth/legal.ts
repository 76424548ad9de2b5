import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/** The published TERMS and PRIVACY versions a new user accepts. */
export async function currentLegalDocuments(tx: DbTx) {
  const docs = await tx.legalDocument.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    distinct: ["kind"],
    select: { id: true, kind: true, version: true },
  });
  const terms = docs.find((d) => d.kind === "TERMS");
  const privacy = docs.find((d) => d.kind === "PRIVACY");
  if (!terms || !privacy) throw new DomainError("UNAVAILABLE", "errors.legal.notPublished");
  return { terms, privacy };
}
