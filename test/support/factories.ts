import { randomBytes } from "node:crypto";

import type { OrgRole, OrgType, StaffRole } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { hashPassword } from "@/server/services/auth/password";
import { createSession, resolveSession, type SessionUser } from "@/server/services/auth/sessions";

export const TEST_PASSWORD = "correct-horse-battery";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

export async function ensureLegalDocuments() {
  const existing = await db.legalDocument.count();
  if (existing > 0) return;
  await db.legalDocument.createMany({
    data: (["TERMS", "PRIVACY"] as const).map((kind) => ({
      kind,
      version: 1,
      titleRu: `${kind} ru`,
      titleKk: `${kind} kk`,
      bodyRu: "Текст документа.",
      bodyKk: "Құжат мәтіні.",
      publishedAt: new Date(),
    })),
  });
}

export async function createUser(
  options: { verified?: boolean; isSeeker?: boolean; staffRole?: StaffRole; email?: string; name?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: options.email ?? `user-${unique()}@example.kz`,
      name: options.name ?? "Тестовый Пользователь",
      isSeeker: options.isSeeker ?? true,
      staffRole: options.staffRole ?? null,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      adultDeclaredAt: new Date(),
      credential: { create: { passwordHash: await passwordHash } },
    },
    select: { id: true, email: true, name: true },
  });
}

export async function createOrganization(type: OrgType, members: { userId: number; role: OrgRole }[] = []) {
  const name = `Org ${unique()}`;
  return db.organization.create({
    data: {
      type,
      legalName: `ТОО «${name}»`,
      displayName: name,
      slug: name.toLowerCase().replace(/\s+/g, "-"),
      memberships: { create: members },
    },
    select: { id: true, type: true },
  });
}

/** A signed-in user as the tRPC context sees it (a real session row). */
export async function signedIn(userId: number): Promise<SessionUser> {
  const sessionId = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  const user = await resolveSession(sessionId);
  if (!user) throw new Error("session did not resolve");
  return user;
}
