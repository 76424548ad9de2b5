// Fictional employers: any likeness to a real company is accidental. Order matters: the first
// EMPLOYER and the first DRIVING_SCHOOL belong to the demo accounts.
import type { OrganizationSeed } from "./organization-seed";
import { EMPLOYERS } from "./organizations-employers";
import { PARTNERS } from "./organizations-partners";

export type { OrganizationSeed };

export const ORGANIZATIONS: readonly OrganizationSeed[] = [...EMPLOYERS, ...PARTNERS];
