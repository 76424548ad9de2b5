import type { DocumentKind } from "@/generated/prisma/enums";
import type { DbTx } from "@/server/db-client";

/**
 * Prefixes: invoices "СЧ" (счёт на оплату) and acts "АВР" (акт выполненных работ) as accountants in
 * Kazakhstan write them; orders in Latin letters, since payment providers and bank forms carry
 * the order's number.
 */
export const DOCUMENT_PREFIXES: Readonly<Record<DocumentKind, string>> = { ORDER: "JM", INVOICE: "СЧ", ACT: "АВР" };

export function formatDocumentNumber(kind: DocumentKind, year: number, seq: number): string {
  return `${DOCUMENT_PREFIXES[kind]}-${year}-${String(seq).padStart(6, "0")}`;
}

export interface DocumentNumber {
  number: string;
  year: number;
  seq: number;
}

/**
 * The next number of a kind of document in a year. The counter row stays locked until the caller's
 * transaction ends, so concurrent issuers wait for each other; the number is used in that same
 * transaction, so a rollback gives it back and numbers have neither gaps nor repeats. Must be
 * called with a transaction, never with the bare client.
 */
export async function nextDocumentNumber(tx: DbTx, kind: DocumentKind, year: number): Promise<DocumentNumber> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO document_counters (kind, year, last) VALUES (${kind}::"DocumentKind", ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1
    RETURNING last`;
  const seq = rows[0]?.last;
  if (seq === undefined) throw new Error("document counter returned no row");
  return { number: formatDocumentNumber(kind, year, seq), year, seq };
}
