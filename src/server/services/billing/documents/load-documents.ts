import type { Actor } from "@/server/audit";
import { AccessDeniedError, ALL_ORG_TYPES, requireMembership } from "@/server/auth/guards";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import type { BuyerSnapshot } from "../issue-documents";
import type { DocumentLanguage } from "./amount-in-words";
import { renderActPdf, renderInvoicePdf, type DocumentLine, type DocumentParty } from "./render";
import { getSeller, SellerConfigError } from "./seller";

// Loads an invoice or an act with its order and renders it. Readers: any member of the buying
// organisation (owner, manager, observer) and finance staff (FINANCE, SUPERADMIN); anyone else is
// told the document does not exist, so numbers of other organisations' documents leak nothing.

const notFound = () => new DomainError("NOT_FOUND", "errors.billing.documentNotFound");

/** Finance staff, or a member of the organisation in any role; otherwise the document "does not exist". */
export async function requireDocumentReader(actor: Actor, organizationId: number): Promise<void> {
  if (actor.userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { staffRole: true, blockedAt: true } });
  if (!user || user.blockedAt) throw notFound();
  if (user.staffRole === "FINANCE" || user.staffRole === "SUPERADMIN") return;
  try {
    await requireMembership(actor.userId, organizationId, { types: ALL_ORG_TYPES, minRole: "OBSERVER" });
  } catch (error) {
    if (error instanceof AccessDeniedError) throw notFound();
    throw error;
  }
}

function seller() {
  try {
    return getSeller();
  } catch (error) {
    if (error instanceof SellerConfigError) {
      console.error(error.message);
      throw new DomainError("UNAVAILABLE", "errors.billing.documentsUnavailable");
    }
    throw error;
  }
}

const orderSelect = {
  id: true,
  number: true,
  organizationId: true,
  amountTiyn: true,
  vatTiyn: true,
  createdAt: true,
  checkedOutAt: true,
  activatedAt: true,
  organization: { select: { legalName: true, bin: true, iin: true, address: true, city: { select: { nameRu: true } } } },
  lines: {
    orderBy: { id: "asc" },
    select: {
      quantity: true,
      unitPriceTiyn: true,
      amountTiyn: true,
      vatRate: true,
      vatTiyn: true,
      product: { select: { nameRu: true, nameKk: true } },
    },
  },
} as const;

type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;
function loadOrder(orderId: number) {
  return db.order.findUnique({ where: { id: orderId }, select: orderSelect });
}

/** Lines and totals as frozen at checkout; an order without them has no documents to print. */
function priced(order: LoadedOrder, language: DocumentLanguage) {
  if (order.number === null || order.amountTiyn === null || order.vatTiyn === null) throw notFound();
  const lines: DocumentLine[] = order.lines.map((line) => {
    if (line.unitPriceTiyn === null || line.amountTiyn === null || line.vatRate === null || line.vatTiyn === null) {
      throw notFound();
    }
    return {
      name: language === "kk" ? line.product.nameKk : line.product.nameRu,
      quantity: line.quantity,
      unitPriceTiyn: line.unitPriceTiyn,
      amountTiyn: line.amountTiyn,
      vatRate: line.vatRate,
      vatTiyn: line.vatTiyn,
    };
  });
  return { orderNumber: order.number, lines, totalTiyn: order.amountTiyn, vatTiyn: order.vatTiyn };
}

function withCity(address: string | null, city: string | null): string | null {
  return [city, address].filter(Boolean).join(", ") || null;
}

function snapshotParty(snapshot: BuyerSnapshot): DocumentParty {
  return { name: snapshot.legalName, bin: snapshot.bin ?? snapshot.iin, address: withCity(snapshot.address, snapshot.city) };
}

function currentParty(org: LoadedOrder["organization"]): DocumentParty {
  return { name: org.legalName, bin: org.bin ?? org.iin, address: withCity(org.address, org.city?.nameRu ?? null) };
}

function parseSnapshot(value: unknown): BuyerSnapshot | null {
  if (typeof value !== "object" || value === null || !("legalName" in value)) return null;
  const v = value as Record<string, unknown>;
  const str = (key: string) => (typeof v[key] === "string" ? (v[key] as string) : null);
  const legalName = str("legalName");
  if (!legalName) return null;
  return {
    legalName,
    bin: str("bin"),
    iin: str("iin"),
    address: str("address"),
    city: str("city"),
    email: str("email"),
    phone: str("phone"),
  };
}

/** The invoice's PDF for a reader of its organisation's billing. */
export async function invoicePdf(actor: Actor, invoiceId: number, language: DocumentLanguage) {
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: { number: true, issuedAt: true, buyer: true, orderId: true },
  });
  const order = invoice && (await loadOrder(invoice.orderId));
  if (!invoice || !order) {
    if (actor.userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
    throw notFound();
  }
  await requireDocumentReader(actor, order.organizationId);
  const snapshot = parseSnapshot(invoice.buyer);
  const pdf = await renderInvoicePdf(
    {
      number: invoice.number,
      issuedAt: invoice.issuedAt,
      seller: seller(),
      buyer: snapshot ? snapshotParty(snapshot) : currentParty(order.organization),
      ...priced(order, language),
    },
    language,
  );
  return { pdf, number: invoice.number };
}

/**
 * The act's PDF for a reader of its organisation's billing. The buyer is the one on the order's
 * invoice when it was paid by invoice, else the organisation's details as they are now.
 */
export async function actPdf(actor: Actor, actId: number, language: DocumentLanguage) {
  const act = await db.act.findUnique({
    where: { id: actId },
    select: { number: true, issuedAt: true, orderId: true, order: { select: { invoice: { select: { buyer: true } } } } },
  });
  const order = act && (await loadOrder(act.orderId));
  if (!act || !order) {
    if (actor.userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
    throw notFound();
  }
  await requireDocumentReader(actor, order.organizationId);
  const snapshot = parseSnapshot(act.order.invoice?.buyer ?? null);
  const pdf = await renderActPdf(
    {
      number: act.number,
      issuedAt: act.issuedAt,
      orderedAt: order.checkedOutAt ?? order.createdAt,
      renderedAt: order.activatedAt ?? act.issuedAt,
      seller: seller(),
      buyer: snapshot ? snapshotParty(snapshot) : currentParty(order.organization),
      ...priced(order, language),
    },
    language,
  );
  return { pdf, number: act.number };
}
