import { z } from "zod";

/** A note on an application, as the form checks it before sending. */
export const noteSchemaClient = z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong");
