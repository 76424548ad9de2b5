import { randomBytes } from "node:crypto";

import type { OrgRole, OrgType, StaffRole } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { hashPassword } from "@/server/services/auth/password";
import { postEntry } from "@/server/services/billing/ledger";
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
  // Accounts made earlier in the file accepted them, as every account of the factories does.
  const users = await db.user.findMany({ select: { id: true } });
  for (const user of users) await acceptCurrentLegalDocuments(user.id);
}

/**
 * The versions of the terms and the privacy policy in force, accepted by the user (as at sign-up):
 * without it every signed-in request would first ask them to accept (see legal-acceptance.ts).
 */
export async function acceptCurrentLegalDocuments(userId: number) {
  const inForce = await db.legalDocument.findMany({
    where: { publishedAt: { not: null } },
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    distinct: ["kind"],
    select: { id: true },
  });
  await db.legalAcceptance.createMany({
    data: inForce.map((doc) => ({ userId, documentId: doc.id, ip: "127.0.0.1" })),
    skipDuplicates: true,
  });
}

export async function createUser(
  options: { verified?: boolean; isSeeker?: boolean; staffRole?: StaffRole; email?: string; name?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
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
  await acceptCurrentLegalDocuments(user.id);
  return user;
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

/**
 * A signed-in staff member whose session passed the second factor, as after typing the TOTP
 * code: what every admin procedure, page and route requires (signedIn alone is a staff session
 * before the code).
 */
export async function signedInStaff(userId: number): Promise<SessionUser> {
  const sessionId = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  await db.session.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
  const user = await resolveSession(sessionId);
  if (!user?.staffRole || !user.secondFactorPassed) throw new Error("not a staff session");
  return user;
}

// ---------------------------------------------------------------- billing

/** An organisation an operator has verified (billing sells only to those). */
export async function createVerifiedOrganization(type: OrgType, members: { userId: number; role: OrgRole }[] = []) {
  const org = await createOrganization(type, members);
  await db.organization.update({ where: { id: org.id }, data: { verification: "VERIFIED", verifiedAt: new Date() } });
  return org;
}

export async function createRegion() {
  const slug = `region-${unique()}`;
  return db.region.create({ data: { slug, nameRu: `Регион ${slug}`, nameKk: `Өңір ${slug}` }, select: { id: true } });
}

export async function createSpecialization() {
  const slug = `spec-${unique()}`;
  return db.specialization.create({
    data: { slug, nameRu: `Специализация ${slug}`, nameKk: `Мамандық ${slug}` },
    select: { id: true },
  });
}

/**
 * Money on an organisation's balance, as finance would put it there (an ADJUSTMENT entry through
 * the ledger, so the balance and the entries agree).
 */
export async function creditBalance(organizationId: number, amountTiyn: bigint) {
  const finance = await createUser({ isSeeker: false, staffRole: "FINANCE" });
  return db.$transaction((tx) =>
    postEntry(tx, { organizationId, kind: "ADJUSTMENT", amountTiyn, reason: "Тестовое пополнение", createdById: finance.id }),
  );
}

/** A product of its own for a test, with one price version (valid since 2026 unless given). */
export async function createBillingProduct(options: {
  kind: "VACANCY_PUBLICATION" | "RESUME_ACCESS" | "CONTACT_VIEWS" | "SCHOOL_PLAN";
  priceTiyn: bigint;
  vatRate?: number;
  validFrom?: Date;
  publicationType?: "STANDARD" | "PREMIUM" | "ANONYMOUS" | "CLOSED";
  accessDays?: number;
  units?: number;
}) {
  const code = `test.${unique()}`;
  const attributes = {
    VACANCY_PUBLICATION: { publicationType: options.publicationType ?? "STANDARD" },
    RESUME_ACCESS: { accessDays: options.accessDays ?? 7, units: options.units ?? 100 },
    CONTACT_VIEWS: { units: options.units ?? 100 },
    SCHOOL_PLAN: { accessDays: options.accessDays ?? 30 },
  }[options.kind];
  return db.product.create({
    data: {
      code,
      kind: options.kind,
      ...attributes,
      nameRu: `Товар ${code}`,
      nameKk: `Тауар ${code}`,
      prices: {
        create: {
          priceTiyn: options.priceTiyn,
          vatRate: options.vatRate ?? 1600,
          validFrom: options.validFrom ?? new Date("2026-01-01T00:00:00+05:00"),
        },
      },
    },
    select: { id: true, code: true },
  });
}

/**
 * An entitlement as an activated order grants it, without going through a purchase: for tests of
 * what uses entitlements (credits, expiry). The order behind it is a minimal ACTIVATED one.
 */
export async function grantEntitlement(options: {
  organizationId: number;
  productCode: string;
  unitsTotal: number;
  validFrom: Date;
  validUntil: Date;
  regionId?: number;
  specializationId?: number | null;
}) {
  const product = await db.product.findUniqueOrThrow({
    where: { code: options.productCode },
    select: { id: true, kind: true, publicationType: true },
  });
  const at = options.validFrom;
  const order = await db.order.create({
    data: {
      organizationId: options.organizationId,
      status: "ACTIVATED",
      number: `T-${unique()}`,
      paymentMethod: "BALANCE",
      amountTiyn: 100n,
      vatTiyn: 0n,
      checkedOutAt: at,
      paidAt: at,
      activatedAt: at,
      lines: {
        create: {
          productId: product.id,
          quantity: 1,
          regionId: options.regionId ?? null,
          specializationId: options.specializationId ?? null,
        },
      },
    },
    select: { id: true, lines: { select: { id: true } } },
  });
  return db.entitlement.create({
    data: {
      organizationId: options.organizationId,
      orderId: order.id,
      orderLineId: order.lines[0]!.id,
      productId: product.id,
      kind: product.kind,
      publicationType: product.publicationType,
      regionId: options.regionId ?? null,
      specializationId: options.specializationId ?? null,
      unitsTotal: options.unitsTotal,
      validFrom: options.validFrom,
      validUntil: options.validUntil,
    },
    select: { id: true, orderId: true },
  });
}

/**
 * A buying organisation with an owner, a manager and an observer, as actors. Verified and not
 * blocked unless told otherwise.
 */
export async function createBuyer(
  type: OrgType = "EMPLOYER",
  options: { verification?: "UNVERIFIED" | "PENDING" | "VERIFIED" | "REJECTED"; blocked?: boolean } = {},
) {
  const [owner, manager, observer] = [await createUser(), await createUser(), await createUser()];
  const org = await createOrganization(type, [
    { userId: owner.id, role: "OWNER" },
    { userId: manager.id, role: "MANAGER" },
    { userId: observer.id, role: type === "DRIVING_SCHOOL" ? "INSTRUCTOR" : "OBSERVER" },
  ]);
  const verification = options.verification ?? "VERIFIED";
  await db.organization.update({
    where: { id: org.id },
    data: {
      verification,
      verifiedAt: verification === "VERIFIED" ? new Date() : null,
      blockedAt: options.blocked ? new Date() : null,
      blockReason: options.blocked ? "Тест" : null,
    },
  });
  const actor = (userId: number) => ({ userId, ip: "203.0.113.7" });
  return { organizationId: org.id, owner: actor(owner.id), manager: actor(manager.id), observer: actor(observer.id) };
}

/** A finance officer as an actor. */
export async function createFinanceActor() {
  const user = await createUser({ isSeeker: false, staffRole: "FINANCE" });
  return { userId: user.id, ip: "203.0.113.8" };
}
