import { z } from "zod";

import type { StaffRole } from "@/generated/prisma/enums";

import { codeSchema, emailSchema } from "./auth";

export const STAFF_ROLES = ["MODERATOR", "SUPPORT", "FINANCE", "SUPERADMIN"] as const satisfies readonly StaffRole[];

/** A staff role given to, changed for or taken from (null) the account with this email. */
export const setStaffRoleSchema = z.object({
  email: emailSchema,
  role: z.enum(STAFF_ROLES, { error: "validation.required" }).nullable(),
});

/** A code from the authenticator app: six digits. */
export const totpCodeSchema = z.object({ code: codeSchema });

/** One of the ten recovery codes (`xxxx-xxxx`; case, spaces and dashes do not matter). */
export const recoveryCodeSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(20, "validation.staffTotp.recoveryCodeFormat"),
});

/** A superadmin resets the second factor of the staff member with this email. */
export const resetStaffTotpSchema = z.object({ email: emailSchema });
