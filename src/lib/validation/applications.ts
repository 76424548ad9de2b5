import { z } from "zod";

/** A note on an application, as the form checks it before sending. */
export const noteSchemaClient = z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong");

/** The wording of one answer to an applicant (also the shape of an organisation's template). */
export const answerSchema = z.object({
  subject: z.string().trim().min(3, "validation.templateSubject").max(200, "validation.templateSubject"),
  body: z.string().trim().min(10, "validation.templateBody").max(5000, "validation.templateBody"),
});
