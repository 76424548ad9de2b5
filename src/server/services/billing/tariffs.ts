import { Prisma } from "@/generated/prisma/client";
import type { OrgType, ProductKind, PublicationType } from "@/generated/prisma/enums";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { requireFinance } from "./billing-access";
import { BASIS_POINTS, vatIncluded } from "./money";
import { kindAllowedFor, QUANTITY_LIMITS } from "./product-rules";

/** A product's price version. */
export interface PriceInForce {
  id: number;
  productId: number;
  priceTiyn: bigint;
  vatRate: number;
  validFrom: Date;
}

/**
 * The price version in force at `at` for each of the products: the latest whose valid_from is at
 * or before it. A product without one is missing from the map (it cannot be sold at that time).
 */
export async function pricesInForce(tx: DbTx, productIds: readonly number[], at: Date): Promise<Map<number, PriceInForce>> {
  if (productIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: number; product_id: number; price_tiyn: bigint; vat_rate: number; valid_from: Date }[]>`
    SELECT DISTINCT ON (product_id) id, product_id, price_tiyn, vat_rate, valid_from
    FROM product_prices
    WHERE product_id = ANY (${[...productIds]}::integer[]) AND valid_from <= ${at}
    ORDER BY product_id, valid_from DESC`;
  return new Map(
    rows.map((row) => [
      row.product_id,
      {
        id: row.id,
        productId: row.product_id,
        priceTiyn: BigInt(row.price_tiyn),
        vatRate: row.vat_rate,
        validFrom: row.valid_from,
      },
    ]),
  );
}

export interface PriceListItem {
  productId: number;
  code: string;
  kind: ProductKind;
  publicationType: PublicationType | null;
  accessDays: number | null;
  units: number | null;
  nameRu: string;
  nameKk: string;
  price: PriceInForce;
}

/** The active products that have a price at `at`, in their display order. */
export async function priceList(at: Date = new Date(), client: DbTx = db): Promise<PriceListItem[]> {
  const products = await client.product.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      kind: true,
      publicationType: true,
      accessDays: true,
      units: true,
      nameRu: true,
      nameKk: true,
    },
  });
  const prices = await pricesInForce(
    client,
    products.map((p) => p.id),
    at,
  );
  return products.flatMap((product) => {
    const price = prices.get(product.id);
    const { id, ...rest } = product;
    return price ? [{ productId: id, ...rest, price }] : [];
  });
}

/** What this type of organisation may buy now, with the most one cart line may hold. */
export async function offersFor(orgType: OrgType, at: Date = new Date(), client: DbTx = db) {
  return (await priceList(at, client))
    .filter((item) => kindAllowedFor(item.kind, orgType))
    .map((item) => ({ ...item, maxQuantity: QUANTITY_LIMITS[item.kind].max }));
}

export interface PublicPrice {
  code: string;
  kind: ProductKind;
  publicationType: PublicationType | null;
  accessDays: number | null;
  units: number | null;
  nameRu: string;
  nameKk: string;
  /** Gross, VAT included. */
  priceTiyn: bigint;
  vatRate: number;
  /** The VAT contained in the price. */
  vatTiyn: bigint;
}

/** The price list as anyone may see it: what is on sale at `at`, price and the VAT in it, no internal ids. */
export async function publicPriceList(at: Date = new Date(), client: DbTx = db): Promise<PublicPrice[]> {
  return (await priceList(at, client)).map(({ code, kind, publicationType, accessDays, units, nameRu, nameKk, price }) => ({
    code,
    kind,
    publicationType,
    accessDays,
    units,
    nameRu,
    nameKk,
    priceTiyn: price.priceTiyn,
    vatRate: price.vatRate,
    vatTiyn: vatIncluded(price.priceTiyn, price.vatRate),
  }));
}

export interface AddPriceVersionInput {
  productCode: string;
  /** Gross, VAT included. */
  priceTiyn: bigint;
  /** Basis points, 0–10000. */
  vatRate: number;
  validFrom: Date;
  actor: Actor;
  now?: Date;
}

/**
 * A new price for a product from a moment on (finance). Prices already in force and orders already
 * checked out are history and stay as they are, so a version may not start in the past.
 */
export async function addPriceVersion(input: AddPriceVersionInput): Promise<PriceInForce> {
  const actor = await requireFinance(input.actor);
  const now = input.now ?? new Date();
  if (input.priceTiyn <= 0n) throw new DomainError("VALIDATION", "errors.billing.priceInvalid", { field: "priceTiyn" });
  if (!Number.isInteger(input.vatRate) || input.vatRate < 0 || input.vatRate > BASIS_POINTS)
    throw new DomainError("VALIDATION", "errors.billing.vatRateInvalid", { field: "vatRate" });
  if (Number.isNaN(input.validFrom.getTime()) || input.validFrom < now)
    throw new DomainError("VALIDATION", "errors.billing.validFromPast", { field: "validFrom" });

  try {
    return await db.$transaction(async (tx) => {
      const product = await tx.product.findUnique({ where: { code: input.productCode }, select: { id: true } });
      if (!product) throw new DomainError("NOT_FOUND", "errors.billing.productUnknown");
      const price = await tx.productPrice.create({
        data: {
          productId: product.id,
          priceTiyn: input.priceTiyn,
          vatRate: input.vatRate,
          validFrom: input.validFrom,
          createdById: actor.userId,
        },
        select: { id: true, productId: true, priceTiyn: true, vatRate: true, validFrom: true },
      });
      await audit(
        tx,
        actor,
        "billing.price.add",
        { type: "product", id: product.id },
        {
          data: {
            code: input.productCode,
            priceTiyn: input.priceTiyn.toString(),
            vatRate: input.vatRate,
            validFrom: input.validFrom.toISOString(),
          },
        },
      );
      return price;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("CONFLICT", "errors.billing.priceVersionExists", { field: "validFrom" });
    throw error;
  }
}
