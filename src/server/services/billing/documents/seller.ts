import { isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";

import { isValidKzIdentifier } from "@/lib/kz-identifiers";

// The platform's own legal details printed on invoices and acts, read from environment variables
// like the payment providers' settings (providers/config.ts). Outside production a demo company
// stands in when none are set, so development and tests render documents out of the box; in
// production the variables are required the first time a document is rendered, and a missing or
// invalid one fails that request with SellerConfigError instead of stopping the whole app.

export interface Seller {
  name: string;
  bin: string;
  address: string;
  iban: string;
  bankName: string;
  /** The bank's BIC (БИК), 8 characters with country KZ. */
  bik: string;
  /** Код бенефициара: two digits (17 = resident legal entity, non-state). */
  kbe: string;
  /** Код назначения платежа: three digits. */
  knp: string;
}

export class SellerConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid seller details for billing documents:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "SellerConfigError";
  }
}

export const SELLER_ENV = {
  name: "SELLER_NAME",
  bin: "SELLER_BIN",
  address: "SELLER_ADDRESS",
  iban: "SELLER_IBAN",
  bankName: "SELLER_BANK_NAME",
  bik: "SELLER_BIK",
  kbe: "SELLER_KBE",
  knp: "SELLER_KNP",
} as const satisfies Record<keyof Seller, string>;

/** Clearly a demo company: a valid BIN, a KZ IBAN with a correct mod-97 check and Halyk Bank's BIC. */
export const DEMO_SELLER: Seller = {
  name: "ТОО «Jumys Demo» (демо-реквизиты)",
  bin: "200140123456",
  address: "Казахстан, 050000, г. Алматы, пр. Абая, 1 (демо-адрес)",
  iban: "KZ24601A871000000001",
  bankName: "АО «Народный Банк Казахстана»",
  bik: "HSBKKZKX",
  kbe: "17",
  knp: "859",
};

const text = z.string().trim().min(1, "must not be blank").max(300, "must be at most 300 characters");
const schema = z.object({
  name: text,
  bin: z.string().trim().refine(isValidKzIdentifier, "must be a 12-digit BIN with a correct check digit"),
  address: text,
  iban: z
    .string()
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .refine((v) => v.startsWith("KZ") && isValidIBAN(v), "must be a Kazakhstan IBAN (KZ + 18 characters) with a correct check"),
  bankName: text,
  bik: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v.length === 8 && v.slice(4, 6) === "KZ" && isValidBIC(v), "must be an 8-character BIC of a Kazakhstan bank"),
  kbe: z
    .string()
    .trim()
    .regex(/^\d{2}$/, "must be two digits"),
  knp: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "must be three digits"),
});

/**
 * The seller out of environment variables. None set: the demo company outside production and
 * SellerConfigError in production. Some set: all are required and each must be valid.
 */
export function sellerFromEnv(env: Record<string, string | undefined>): Seller {
  const fields = Object.keys(SELLER_ENV) as (keyof Seller)[];
  const raw = Object.fromEntries(
    fields.map((field) => {
      const value = env[SELLER_ENV[field]];
      return [field, value === undefined || value.trim() === "" ? undefined : value];
    }),
  ) as Partial<Record<keyof Seller, string>>;
  if (fields.every((field) => raw[field] === undefined)) {
    if (env.NODE_ENV === "production") {
      throw new SellerConfigError([`${Object.values(SELLER_ENV).join(", ")} are required to issue invoices and acts`]);
    }
    return DEMO_SELLER;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new SellerConfigError(
      result.error.issues.map((issue) => {
        const field = issue.path[0] as keyof Seller;
        return `${SELLER_ENV[field]} ${raw[field] === undefined ? "is required" : issue.message}`;
      }),
    );
  }
  return result.data;
}

let cached: Seller | undefined;

/** The seller read from process.env on first use (a failed read is retried on the next request). */
export function getSeller(): Seller {
  cached ??= sellerFromEnv(process.env);
  return cached;
}

/** Forgets the seller read by getSeller(), so that tests can change process.env between cases. */
export function resetSellerForTests(): void {
  cached = undefined;
}
