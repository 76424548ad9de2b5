import { z } from "zod";

import type { StaffRole } from "@/generated/prisma/enums";

import { emailSchema } from "./auth";

export const STAFF_ROLES = ["MODERATOR", "SUPPORT", "FINANCE", "SUPERADMIN"] as const satisfies readonly StaffRole[];

/** A staff role given to, changed for or taken from (null) the account with this email. */
export const setStaffRoleSchema = z.object({
  email: emailSchema,
  role: z.enum(STAFF_ROLES, { error: "validation.required" }).nullable(),
});
