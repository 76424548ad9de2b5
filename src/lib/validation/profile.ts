import { z } from "zod";

import { kzPhoneSchema, localeSchema, nameSchema } from "./auth";

export const updateProfileSchema = z.object({
  name: nameSchema,
  phone: z.union([z.literal(""), z.null(), kzPhoneSchema]).transform((v) => (v ? v : null)),
  cityId: z.number().int().positive().nullable(),
  locale: localeSchema,
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;
