import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { requireBillingMember } from "./billing-access";
import { assertQuantity, assertViewPacksAllowed, loadSellableProduct, resolveLineTarget, type CartLineShape } from "./cart-rules";
import { readCart, type CartView } from "./cart-view";
import { lockCart } from "./lock-cart";
import { pricesInForce } from "./tariffs";
import { BILLING_TRANSACTION } from "./transaction-options";

// Changes to the cart: each returns the cart as it is afterwards, at today's prices.

async function cartLineShapes(
  tx: DbTx,
  cartId: number,
): Promise<(CartLineShape & { id: number; productId: number; regionId: number | null; specializationId: number | null })[]> {
  const lines = await tx.orderLine.findMany({
    where: { orderId: cartId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      productId: true,
      quantity: true,
      regionId: true,
      specializationId: true,
      product: { select: { kind: true, units: true } },
    },
  });
  return lines.map(({ product, ...line }) => ({ ...line, kind: product.kind, units: product.units }));
}

async function cartAfter(tx: DbTx, organizationId: number, now: Date): Promise<CartView> {
  const cart = await readCart(tx, organizationId, now);
  if (!cart) throw new Error("the cart vanished inside its own transaction");
  return cart;
}

export interface AddCartLineInput {
  organizationId: number;
  productCode: string;
  quantity: number;
  /** Resume access: the region (required) and specialization (optional, none = all). */
  regionId?: number | null;
  specializationId?: number | null;
  actor: Actor;
  now?: Date;
}

/**
 * Adds a product to the cart, creating the cart on first use. The same product again adds to its
 * line's quantity; the same access (region × specialization) twice is refused.
 */
export async function addCartLine(input: AddCartLineInput): Promise<CartView> {
  const membership = await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const product = await loadSellableProduct(tx, { code: input.productCode }, membership.organization.type);
    assertQuantity(product.kind, input.quantity);
    const target = await resolveLineTarget(tx, product.kind, input.regionId, input.specializationId);
    if (!(await pricesInForce(tx, [product.id], now)).has(product.id))
      throw new DomainError("CONFLICT", "errors.billing.noPrice");

    const cartId = await lockCart(tx, input.organizationId, { create: true, createdById: input.actor.userId });
    if (cartId === null) throw new Error("cart was not created");
    const lines = await cartLineShapes(tx, cartId);
    const same = lines.find(
      (l) => l.productId === product.id && l.regionId === target.regionId && l.specializationId === target.specializationId,
    );
    let lineId: number;
    let quantity: number;
    if (same) {
      if (product.kind === "RESUME_ACCESS") throw new DomainError("CONFLICT", "errors.billing.alreadyInCart");
      quantity = same.quantity + input.quantity;
      assertQuantity(product.kind, quantity);
      await tx.orderLine.update({ where: { id: same.id }, data: { quantity } });
      same.quantity = quantity;
      lineId = same.id;
    } else {
      quantity = input.quantity;
      const line = await tx.orderLine.create({
        data: { orderId: cartId, productId: product.id, quantity, ...target },
        select: { id: true },
      });
      lines.push({ id: line.id, productId: product.id, quantity, kind: product.kind, units: product.units, ...target });
      lineId = line.id;
    }
    if (product.kind === "CONTACT_VIEWS")
      await assertViewPacksAllowed(tx, { organizationId: input.organizationId, cartOrderId: cartId, lines, now });
    await audit(
      tx,
      input.actor,
      "billing.cart.change",
      { type: "order", id: cartId },
      { data: { op: "add", lineId, product: product.code, quantity } },
    );
    return cartAfter(tx, input.organizationId, now);
  }, BILLING_TRANSACTION);
}

/** Locks the cart and finds one of its lines, or says it is not there. */
async function lockedLine(tx: DbTx, organizationId: number, lineId: number) {
  const cartId = await lockCart(tx, organizationId, { create: false });
  if (cartId === null) throw new DomainError("NOT_FOUND", "errors.billing.cartLineNotFound");
  const lines = await cartLineShapes(tx, cartId);
  const line = lines.find((l) => l.id === lineId);
  if (!line) throw new DomainError("NOT_FOUND", "errors.billing.cartLineNotFound");
  return { cartId, lines, line };
}

export async function changeCartLineQuantity(input: {
  organizationId: number;
  lineId: number;
  quantity: number;
  actor: Actor;
  now?: Date;
}): Promise<CartView> {
  await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { cartId, lines, line } = await lockedLine(tx, input.organizationId, input.lineId);
    assertQuantity(line.kind, input.quantity);
    await tx.orderLine.update({ where: { id: line.id }, data: { quantity: input.quantity } });
    line.quantity = input.quantity;
    if (line.kind === "CONTACT_VIEWS")
      await assertViewPacksAllowed(tx, { organizationId: input.organizationId, cartOrderId: cartId, lines, now });
    await audit(
      tx,
      input.actor,
      "billing.cart.change",
      { type: "order", id: cartId },
      { data: { op: "quantity", lineId: line.id, quantity: input.quantity } },
    );
    return cartAfter(tx, input.organizationId, now);
  }, BILLING_TRANSACTION);
}

export async function removeCartLine(input: {
  organizationId: number;
  lineId: number;
  actor: Actor;
  now?: Date;
}): Promise<CartView> {
  await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { cartId, line } = await lockedLine(tx, input.organizationId, input.lineId);
    await tx.orderLine.delete({ where: { id: line.id } });
    await audit(
      tx,
      input.actor,
      "billing.cart.change",
      { type: "order", id: cartId },
      { data: { op: "remove", lineId: line.id } },
    );
    return cartAfter(tx, input.organizationId, now);
  }, BILLING_TRANSACTION);
}

/** Empties the cart; the empty cart stays (it is the organisation's one cart). */
export async function clearCart(input: { organizationId: number; actor: Actor; now?: Date }): Promise<CartView | null> {
  await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const cartId = await lockCart(tx, input.organizationId, { create: false });
    if (cartId === null) return null;
    const { count } = await tx.orderLine.deleteMany({ where: { orderId: cartId } });
    await audit(tx, input.actor, "billing.cart.change", { type: "order", id: cartId }, { data: { op: "clear", lines: count } });
    return readCart(tx, input.organizationId, now);
  }, BILLING_TRANSACTION);
}
