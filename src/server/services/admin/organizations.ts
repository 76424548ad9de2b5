import { z } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import type { Actor } from "../organizations/manage-organization";
import { revalidateSchoolPagesAfterCommit } from "../schools/school-pages-cache";

export const verificationDecisionSchema = z
  .object({
    organizationId: z.number().int().positive(),
    decision: z.enum(["VERIFIED", "REJECTED"]),
    reason: z
      .string()
      .trim()
      .max(1000, "validation.reasonTooLong")
      .transform((v) => (v === "" ? null : v))
      .nullish(),
  })
  .refine((v) => v.decision === "VERIFIED" || Boolean(v.reason), { message: "validation.reasonRequired", path: ["reason"] });

/** Organisations waiting for verification, oldest first: the operators' queue. */
export function listOrganizationsToVerify() {
  return db.organization.findMany({
    where: { verification: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      type: true,
      legalName: true,
      displayName: true,
      bin: true,
      iin: true,
      website: true,
      educationLicence: true,
      address: true,
      email: true,
      phone: true,
      createdAt: true,
      city: { select: { nameRu: true, nameKk: true } },
      memberships: { where: { role: "OWNER" }, select: { user: { select: { name: true, email: true } } } },
    },
  });
}

/**
 * Verifies an organisation or refuses with a reason the owners see. Only a waiting (PENDING)
 * organisation can be decided on; the decision is in the audit log.
 */
export async function decideVerification(raw: unknown, actor: Actor, now = new Date()) {
  const input = verificationDecisionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.organization.updateMany({
      where: { id: input.organizationId, verification: "PENDING" },
      data:
        input.decision === "VERIFIED"
          ? { verification: "VERIFIED", verifiedAt: now, verifiedById: actor.userId, verificationNote: null }
          : { verification: "REJECTED", verificationNote: input.reason ?? null },
    });
    if (updated.count === 0) throw new DomainError("CONFLICT", "errors.org.notPending");
    await audit(
      tx,
      actor,
      input.decision === "VERIFIED" ? "organization.verify" : "organization.verify.reject",
      { type: "organization", id: input.organizationId },
      { reason: input.reason ?? null },
    );
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: {
        id: true,
        type: true,
        slug: true,
        city: { select: { slug: true } },
        schoolCourses: { select: { category: true } },
      },
    });
    return { verification: input.decision, org };
  });
  // A verified school appears on its page and in the directory.
  if (result.org.type === "DRIVING_SCHOOL") {
    await revalidateSchoolPagesAfterCommit({ ...result.org, categories: result.org.schoolCourses.map((c) => c.category) });
  }
  return { verification: result.verification };
}
