// Websites and mailboxes use the reserved ".example" top-level domain (RFC 2606) so that demo
// links and demo mail never reach a real business.
import type { OrgType, OrgVerification } from "@/generated/prisma/enums";

export interface OrganizationSeed {
  slug: string;
  type: OrgType;
  legalName: string;
  displayName: string;
  bin?: string;
  iin?: string;
  description: string;
  website: string;
  email: string;
  phone: string;
  citySlug: string;
  address: string;
  verification: OrgVerification;
  /** The person named as the vacancy contact; also the owner unless a demo account owns it. */
  contactName: string;
  /** Generic wording shown instead of the company on anonymous vacancies. */
  anonymous: { ru: string; kk: string };
  /** Vacancy template keys this organisation hires for. */
  hires: readonly string[];
  /** Relative share of the demo vacancies. */
  weight: number;
  /** Hires only in its own city (a clinic, a school); others also post elsewhere. */
  localOnly?: boolean;
}

export const site = (slug: string) => `https://${slug}.example`;
export const mail = (slug: string, box = "hr") => `${box}@${slug}.example`;
