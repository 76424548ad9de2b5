import type { ProductKind } from "@/generated/prisma/enums";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";

import { requireBillingMember } from "./billing-access";
import { orderTotals, priceLine } from "./money";
import { QUANTITY_LIMITS } from "./product-rules";
import { pricesInForce } from "./tariffs";

export interface CartLineView {
  id: number;
  productId: number;
  code: string;
  kind: ProductKind;
  nameRu: string;
  nameKk: string;
  units: number | null;
  quantity: number;
  /** The most this line may hold (an access is one per line). */
  maxQuantity: number;
  regionId: number | null;
  specializationId: number | null;
  /** At today's prices; null when the product has no price now (checkout will refuse it). */
  unitPriceTiyn: bigint | null;
  vatRate: number | null;
  amountTiyn: bigint | null;
  vatTiyn: bigint | null;
}

export interface CartView {
  orderId: number;
  lines: CartLineView[];
  amountTiyn: bigint;
  vatTiyn: bigint;
}

/** The organisation's cart at today's prices (nothing is frozen before checkout), or null. */
export async function readCart(tx: DbTx, organizationId: number, now: Date): Promise<CartView | null> {
  const cart = await tx.order.findFirst({
    where: { organizationId, status: "CART" },
    select: {
      id: true,
      lines: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          productId: true,
          quantity: true,
          regionId: true,
          specializationId: true,
          product: { select: { code: true, kind: true, nameRu: true, nameKk: true, units: true } },
        },
      },
    },
  });
  if (!cart) return null;
  const prices = await pricesInForce(tx, [...new Set(cart.lines.map((l) => l.productId))], now);
  const lines = cart.lines.map(({ product, ...line }): CartLineView => {
    const price = prices.get(line.productId);
    const priced = price ? priceLine(price.priceTiyn, line.quantity, price.vatRate) : null;
    return {
      ...line,
      ...product,
      maxQuantity: QUANTITY_LIMITS[product.kind].max,
      unitPriceTiyn: priced?.unitPriceTiyn ?? null,
      vatRate: priced?.vatRate ?? null,
      amountTiyn: priced?.amountTiyn ?? null,
      vatTiyn: priced?.vatTiyn ?? null,
    };
  });
  const totals = orderTotals(lines.map((l) => ({ amountTiyn: l.amountTiyn ?? 0n, vatTiyn: l.vatTiyn ?? 0n })));
  return { orderId: cart.id, lines, ...totals };
}

/** The cart, for an owner or manager of a verified organisation. */
export async function getCart(input: { organizationId: number; actor: Actor; now?: Date }): Promise<CartView | null> {
  await requireBillingMember(input.actor, input.organizationId);
  return readCart(db, input.organizationId, input.now ?? new Date());
}
