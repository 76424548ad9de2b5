import type { ProductKind, PublicationType } from "@/generated/prisma/enums";
import { audit, type Actor } from "@/server/audit";
import type { DbTx } from "@/server/db-client";

import { issueAct } from "./issue-documents";
import { transitionOrder } from "./order-transitions";
import { creditValidityDays } from "./product-rules";

const DAY_MS = 86_400_000;
const days = (from: Date, count: number) => new Date(from.getTime() + count * DAY_MS);

/** One entitlement an order line will grant. */
export interface Grant {
  orderLineId: number;
  productId: number;
  kind: ProductKind;
  publicationType: PublicationType | null;
  regionId: number | null;
  specializationId: number | null;
  unitsTotal: number;
  validFrom: Date;
  validUntil: Date;
}

export type ActivationPlan = { ok: true; grants: Grant[] } | { ok: false; reason: "NO_RUNNING_ACCESS" };

interface AccessWindow {
  regionId: number | null;
  specializationId: number | null;
  validUntil: Date;
}

/**
 * What activating the order at `now` would grant, computed before anything is written so that a
 * payment can decide its outcome first:
 * - publication credits: one unit per piece, for 30 days, or 365 when the order has 10 or more of
 *   that product (H 4.6);
 * - a resume access: its days from now, with the contact views it includes (H 17.11);
 * - a pack of views: until the end of the access it extends, the running (or just bought) access
 *   that ends last, whose region and specialization it takes; none running makes the plan fail;
 * - a school plan: 30 days per month bought, starting when a plan already paid for ends.
 */
export async function planActivation(
  tx: DbTx,
  order: { id: number; organizationId: number },
  now: Date,
): Promise<ActivationPlan> {
  const lines = await tx.orderLine.findMany({
    where: { orderId: order.id },
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      quantity: true,
      regionId: true,
      specializationId: true,
      product: { select: { kind: true, publicationType: true, accessDays: true, units: true } },
    },
  });

  const unitsOfProduct = new Map<number, number>();
  for (const line of lines) unitsOfProduct.set(line.productId, (unitsOfProduct.get(line.productId) ?? 0) + line.quantity);

  const grants: Grant[] = [];
  const base = (line: (typeof lines)[number]) => ({
    orderLineId: line.id,
    productId: line.productId,
    kind: line.product.kind,
    publicationType: null,
    regionId: null,
    specializationId: null,
  });

  const accesses: AccessWindow[] = [];
  for (const line of lines) {
    if (line.product.kind !== "RESUME_ACCESS") continue;
    const grant: Grant = {
      ...base(line),
      regionId: line.regionId,
      specializationId: line.specializationId,
      unitsTotal: (line.product.units ?? 0) * line.quantity,
      validFrom: now,
      validUntil: days(now, (line.product.accessDays ?? 0) * line.quantity),
    };
    grants.push(grant);
    accesses.push(grant);
  }

  const needsAccess = lines.some((line) => line.product.kind === "CONTACT_VIEWS");
  if (needsAccess) {
    const running = await tx.entitlement.findFirst({
      where: {
        organizationId: order.organizationId,
        kind: "RESUME_ACCESS",
        forfeitedAt: null,
        validFrom: { lte: now },
        validUntil: { gt: now },
      },
      orderBy: [{ validUntil: "desc" }, { id: "desc" }],
      select: { regionId: true, specializationId: true, validUntil: true },
    });
    if (running) accesses.push(running);
  }
  const extended = accesses.reduce<AccessWindow | null>((best, a) => (best && best.validUntil >= a.validUntil ? best : a), null);

  let schoolPlanStart: Date | null = null;
  for (const line of lines) {
    const kind = line.product.kind;
    if (kind === "VACANCY_PUBLICATION") {
      grants.push({
        ...base(line),
        publicationType: line.product.publicationType,
        unitsTotal: line.quantity,
        validFrom: now,
        validUntil: days(now, creditValidityDays(unitsOfProduct.get(line.productId) ?? line.quantity)),
      });
    } else if (kind === "CONTACT_VIEWS") {
      if (!extended) return { ok: false, reason: "NO_RUNNING_ACCESS" };
      grants.push({
        ...base(line),
        regionId: extended.regionId,
        specializationId: extended.specializationId,
        unitsTotal: (line.product.units ?? 0) * line.quantity,
        validFrom: now,
        validUntil: extended.validUntil,
      });
    } else if (kind === "SCHOOL_PLAN") {
      if (schoolPlanStart === null) {
        const paidUntil = await tx.entitlement.aggregate({
          where: { organizationId: order.organizationId, kind: "SCHOOL_PLAN", forfeitedAt: null, validUntil: { gt: now } },
          _max: { validUntil: true },
        });
        schoolPlanStart = paidUntil._max.validUntil ?? now;
      }
      const validUntil = days(schoolPlanStart, (line.product.accessDays ?? 0) * line.quantity);
      grants.push({ ...base(line), unitsTotal: 0, validFrom: schoolPlanStart, validUntil });
      schoolPlanStart = validUntil;
    }
  }
  return { ok: true, grants };
}

/**
 * Carries out a plan for an order that is PAID: the entitlements, the act, and ACTIVATED. Nothing
 * here can be undone or paused afterwards (H 4.7-4.8).
 */
export async function activateOrder(
  tx: DbTx,
  order: { id: number; organizationId: number },
  grants: readonly Grant[],
  now: Date,
  actor: Actor,
): Promise<{ entitlementIds: number[]; actNumber: string }> {
  const entitlementIds: number[] = [];
  for (const grant of grants) {
    const row = await tx.entitlement.create({
      data: { ...grant, organizationId: order.organizationId, orderId: order.id },
      select: { id: true },
    });
    entitlementIds.push(row.id);
  }
  const act = await issueAct(tx, order.id, now);
  await transitionOrder(tx, order.id, "PAID", "ACTIVATED", now);
  await audit(
    tx,
    actor,
    "billing.order.activate",
    { type: "order", id: order.id },
    { data: { entitlementIds, act: act.number } },
  );
  return { entitlementIds, actNumber: act.number };
}
