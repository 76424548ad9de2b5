import { almatyYear } from "@/lib/almaty-time";
import type { DbTx } from "@/server/db-client";

import { nextDocumentNumber } from "./document-numbers";

// Closing documents are rows with numbers here; their PDFs are rendered from these rows elsewhere.
// Each is created in the transaction of the event it documents, so its number is never lost.

export interface BuyerSnapshot {
  legalName: string;
  bin: string | null;
  iin: string | null;
  address: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
}

/** The invoice for an order paid by bank transfer, with the buyer's details as they are now. */
export async function issueInvoice(tx: DbTx, order: { id: number; organizationId: number }, now: Date) {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: order.organizationId },
    select: {
      legalName: true,
      bin: true,
      iin: true,
      address: true,
      email: true,
      phone: true,
      city: { select: { nameRu: true } },
    },
  });
  const buyer: BuyerSnapshot = {
    legalName: org.legalName,
    bin: org.bin,
    iin: org.iin,
    address: org.address,
    city: org.city?.nameRu ?? null,
    email: org.email,
    phone: org.phone,
  };
  const { number, year, seq } = await nextDocumentNumber(tx, "INVOICE", almatyYear(now));
  return tx.invoice.create({
    data: { orderId: order.id, number, year, seq, issuedAt: now, buyer: { ...buyer } },
    select: { id: true, number: true },
  });
}

/** The act of services rendered, one per activated order. */
export async function issueAct(tx: DbTx, orderId: number, now: Date) {
  const { number, year, seq } = await nextDocumentNumber(tx, "ACT", almatyYear(now));
  return tx.act.create({ data: { orderId, number, year, seq, issuedAt: now }, select: { id: true, number: true } });
}
