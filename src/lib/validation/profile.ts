import { z } from "zod";

import { localeSchema, nameSchema, optionalKzPhoneSchema } from "./auth";

export const updateProfileSchema = z.object({
  name: nameSchema,
  phone: optionalKzPhoneSchema.nullable(),
  cityId: z.number().int().positive().nullable(),
  locale: localeSchema,
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;
