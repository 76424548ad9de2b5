import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { SignUpInput } from "@/lib/validation/auth";
import { signUpSchema } from "@/lib/validation/auth";
import { audit } from "@/server/audit";

import { issueEmailToken } from "./email-tokens";
import { currentLegalDocuments } from "./legal";
import { hashPassword } from "./password";

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export type SignUpResult =
  | { kind: "created"; user: { id: number; email: string; name: string; locale: "ru" | "kk" }; verificationSecret: string }
  | { kind: "existing"; user: { id: number; email: string; name: string; locale: "ru" | "kk" } };

/**
 * Creates the account, its password, the acceptance of the current terms and privacy policy and
 * the consents in ONE transaction, and returns the email-verification secret for the caller to mail.
 * An address that already has an account is not revealed: the caller answers as for a new one and
 * tells the owner by email ("existing"); both paths hash the password and write in a transaction.
 */
export async function signUp(rawInput: SignUpInput, meta: RequestMeta): Promise<SignUpResult> {
  const input = signUpSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const taken = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, email: true, name: true, locale: true },
      });
      if (taken) {
        await audit(tx, { userId: null, ip: meta.ip ?? null }, "auth.sign_up_existing", { type: "user", id: taken.id });
        return { kind: "existing", user: taken };
      }
      const { terms, privacy } = await currentLegalDocuments(tx);
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          phone: input.phone ?? null,
          locale: input.locale,
          isSeeker: input.accountType === "seeker",
          adultDeclaredAt: now,
          credential: { create: { passwordHash } },
          legalAcceptances: {
            create: [terms, privacy].map((doc) => ({
              documentId: doc.id,
              ip: meta.ip ?? null,
              userAgent: meta.userAgent?.slice(0, 400) ?? null,
              acceptedAt: now,
            })),
          },
          consents: {
            create: [
              { purpose: "PROCESSING", granted: true, documentId: privacy.id, ip: meta.ip ?? null, createdAt: now },
              { purpose: "MARKETING", granted: input.marketing, documentId: privacy.id, ip: meta.ip ?? null, createdAt: now },
            ],
          },
        },
        select: { id: true, email: true, name: true, locale: true },
      });
      const { secret } = await issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "VERIFY_EMAIL", now });
      await audit(tx, { userId: user.id, ip: meta.ip ?? null }, "user.sign_up", { type: "user", id: user.id });
      return { kind: "created", user, verificationSecret: secret };
    });
  } catch (e) {
    // Two sign-ups racing for one address: the unique index decides; the loser is told as for an
    // existing account (the winner's owner gets the notice).
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const user = await db.user.findUnique({
        where: { email: input.email },
        select: { id: true, email: true, name: true, locale: true },
      });
      if (user) return { kind: "existing", user };
    }
    throw e;
  }
}
