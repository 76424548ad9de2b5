import type { OrgType, ProductKind } from "@/generated/prisma/enums";
import { EMPLOYER_ORG_TYPES, SCHOOL_ORG_TYPES } from "@/server/auth/guards";

// What may be bought, by whom and how much (SPEC §5, hh.kz H 4.6, H 19.2). One table per rule, so
// that a change of terms is a change of one line.

/** Organisation types that may buy each kind of product. Schools post vacancies like employers (SPEC §6). */
export const PRODUCT_KIND_ORG_TYPES: Readonly<Record<ProductKind, readonly OrgType[]>> = {
  VACANCY_PUBLICATION: [...EMPLOYER_ORG_TYPES, ...SCHOOL_ORG_TYPES],
  RESUME_ACCESS: EMPLOYER_ORG_TYPES,
  CONTACT_VIEWS: EMPLOYER_ORG_TYPES,
  SCHOOL_PLAN: SCHOOL_ORG_TYPES,
};

/**
 * Quantity per cart line. An access is one region × specialization for its days, so a second one
 * is a second line; school plan months run one after another.
 */
export const QUANTITY_LIMITS: Readonly<Record<ProductKind, { min: number; max: number }>> = {
  VACANCY_PUBLICATION: { min: 1, max: 1000 },
  RESUME_ACCESS: { min: 1, max: 1 },
  CONTACT_VIEWS: { min: 1, max: 30 },
  SCHOOL_PLAN: { min: 1, max: 12 },
};

/** Extra contact views an organisation may buy per calendar year (H 19.2). */
export const VIEW_PACK_UNITS_PER_YEAR = 30_000;

/** Publication credits bought 10 or more at once last a year, fewer a month (H 4.6). */
export const BULK_CREDIT_UNITS = 10;
export const CREDIT_DAYS = 30;
export const BULK_CREDIT_DAYS = 365;

/** Days publication credits stay usable, from the number of that product in the order. */
export function creditValidityDays(unitsOfProductInOrder: number): number {
  return unitsOfProductInOrder >= BULK_CREDIT_UNITS ? BULK_CREDIT_DAYS : CREDIT_DAYS;
}

export function kindAllowedFor(kind: ProductKind, orgType: OrgType): boolean {
  return PRODUCT_KIND_ORG_TYPES[kind].includes(orgType);
}

export function quantityAllowed(kind: ProductKind, quantity: number): boolean {
  const { min, max } = QUANTITY_LIMITS[kind];
  return Number.isInteger(quantity) && quantity >= min && quantity <= max;
}
