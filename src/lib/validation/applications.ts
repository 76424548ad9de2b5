import { z } from "zod";

/** A note on an application, as the form checks it before sending. */
export const noteSchemaClient = z.string().trim().min(1, "validation.required").max(4000, "validation.noteTooLong");

/** The wording of one answer to an applicant (also the shape of an organisation's template). */
export const answerSchema = z.object({
  subject: z.string().trim().min(3, "validation.templateSubject").max(200, "validation.templateSubject"),
  body: z.string().trim().min(10, "validation.templateBody").max(5000, "validation.templateBody"),
});

/** SPEC §4 (H 4.1.1): one vacancy invites at most this many seekers. */
export const INVITATIONS_PER_VACANCY = 2_000;

/** An organisation invites the seeker of a resume it may see to one of its open vacancies. */
export const invitationSchema = z.object({
  resumePublicId: z.uuid({ error: "errors.invalidInput" }),
  vacancyId: z
    .number({ error: "validation.invitationVacancy" })
    .int("validation.invitationVacancy")
    .positive("validation.invitationVacancy")
    .max(2_147_483_647, "validation.invitationVacancy"),
  message: z
    .string({ error: "validation.invitationMessage" })
    .trim()
    .min(10, "validation.invitationMessage")
    .max(4000, "validation.invitationMessage"),
});
export type InvitationInput = z.infer<typeof invitationSchema>;
