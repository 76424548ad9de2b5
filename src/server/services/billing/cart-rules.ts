import type { OrgType, ProductKind } from "@/generated/prisma/enums";
import { almatyYear, almatyYearStart } from "@/lib/almaty-time";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { kindAllowedFor, quantityAllowed, VIEW_PACK_UNITS_PER_YEAR } from "./product-rules";

// The checks a cart line passes when it is added or changed, and again at checkout (a product can
// be withdrawn and an access can end while a cart waits). Each throws the error the buyer sees.

export interface SellableProduct {
  id: number;
  code: string;
  kind: ProductKind;
  units: number | null;
}

/** An active product that this type of organisation may buy. */
export async function loadSellableProduct(
  tx: DbTx,
  where: { code: string } | { id: number },
  orgType: OrgType,
): Promise<SellableProduct> {
  const product = await tx.product.findUnique({
    where,
    select: { id: true, code: true, kind: true, units: true, active: true },
  });
  if (!product || !product.active) throw new DomainError("NOT_FOUND", "errors.billing.productUnknown", { field: "product" });
  if (!kindAllowedFor(product.kind, orgType))
    throw new DomainError("FORBIDDEN", "errors.billing.productNotForOrg", { field: "product" });
  return { id: product.id, code: product.code, kind: product.kind, units: product.units };
}

export function assertQuantity(kind: ProductKind, quantity: number): void {
  if (!quantityAllowed(kind, quantity))
    throw new DomainError("VALIDATION", "errors.billing.quantityInvalid", { field: "quantity" });
}

/**
 * Where a resume access opens the database: a region (required) and a specialization (none = all).
 * Other products have no place.
 */
export async function resolveLineTarget(
  tx: DbTx,
  kind: ProductKind,
  regionId: number | null | undefined,
  specializationId: number | null | undefined,
): Promise<{ regionId: number | null; specializationId: number | null }> {
  if (kind !== "RESUME_ACCESS") {
    if (regionId != null || specializationId != null)
      throw new DomainError("VALIDATION", "errors.billing.regionNotApplicable", { field: "regionId" });
    return { regionId: null, specializationId: null };
  }
  if (regionId == null) throw new DomainError("VALIDATION", "errors.billing.regionRequired", { field: "regionId" });
  const region = await tx.region.findUnique({ where: { id: regionId }, select: { id: true } });
  if (!region) throw new DomainError("VALIDATION", "errors.billing.regionUnknown", { field: "regionId" });
  if (specializationId != null) {
    const specialization = await tx.specialization.findUnique({ where: { id: specializationId }, select: { id: true } });
    if (!specialization)
      throw new DomainError("VALIDATION", "errors.billing.specializationUnknown", { field: "specializationId" });
  }
  return { regionId, specializationId: specializationId ?? null };
}

export interface CartLineShape {
  kind: ProductKind;
  units: number | null;
  quantity: number;
}

/**
 * Extra contact views are sold only while the organisation has a running resume access (or buys
 * one in the same order), and at most 30,000 a calendar year in Almaty (H 19.2): those already
 * activated this year, those in orders waiting for payment, and this cart's.
 */
export async function assertViewPacksAllowed(
  tx: DbTx,
  input: { organizationId: number; cartOrderId: number; lines: readonly CartLineShape[]; now: Date },
): Promise<void> {
  const packs = input.lines.filter((line) => line.kind === "CONTACT_VIEWS");
  if (packs.length === 0) return;

  if (!input.lines.some((line) => line.kind === "RESUME_ACCESS")) {
    const running = await tx.entitlement.count({
      where: {
        organizationId: input.organizationId,
        kind: "RESUME_ACCESS",
        forfeitedAt: null,
        validFrom: { lte: input.now },
        validUntil: { gt: input.now },
      },
    });
    if (running === 0) throw new DomainError("CONFLICT", "errors.billing.noRunningAccess");
  }

  const year = almatyYear(input.now);
  const from = almatyYearStart(year);
  const to = almatyYearStart(year + 1);
  const rows = await tx.$queryRaw<{ units: bigint }[]>`
    SELECT (
      SELECT coalesce(sum(units_total), 0) FROM entitlements
      WHERE organization_id = ${input.organizationId} AND kind = 'CONTACT_VIEWS'
        AND valid_from >= ${from} AND valid_from < ${to}
    ) + (
      SELECT coalesce(sum(l.quantity * p.units), 0)
      FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
      WHERE o.organization_id = ${input.organizationId} AND o.status = 'PENDING' AND o.id <> ${input.cartOrderId}
        AND p.kind = 'CONTACT_VIEWS' AND o.checked_out_at >= ${from} AND o.checked_out_at < ${to}
    ) AS units`;
  const bought = Number(rows[0]?.units ?? 0);
  const inCart = packs.reduce((sum, line) => sum + (line.units ?? 0) * line.quantity, 0);
  if (bought + inCart > VIEW_PACK_UNITS_PER_YEAR) throw new DomainError("CONFLICT", "errors.billing.viewPackYearLimit");
}
