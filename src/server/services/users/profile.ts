import type { ConsentPurpose } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { preferencesSchema, updateProfileSchema, type PreferencesInput, type UpdateProfileInput } from "@/lib/validation/profile";

export function getProfile(userId: number) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      locale: true,
      isSeeker: true,
      emailVerifiedAt: true,
      adultDeclaredAt: true,
      city: { select: { id: true, nameRu: true, nameKk: true } },
      createdAt: true,
    },
  });
}

/** The current state of a consent: the latest row for the purpose (the table is append-only). */
async function currentConsent(tx: DbTx, userId: number, purpose: ConsentPurpose) {
  return tx.consent.findFirst({
    where: { userId, purpose },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { granted: true, createdAt: true },
  });
}

/**
 * Everything the account pages show: the profile, email preferences, the current consents, the
 * latest accepted terms and privacy policy, a pending email change, and the organisations the
 * person alone owns (which block deleting the account).
 */
export async function getAccountProfile(userId: number, now = new Date()) {
  const [user, marketing, processing, acceptances, pendingEmail, ownerships] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        phone: true,
        locale: true,
        isSeeker: true,
        staffRole: true,
        emailVerifiedAt: true,
        cityId: true,
        notifyApplicationUpdates: true,
        notifyDigests: true,
        createdAt: true,
      },
    }),
    currentConsent(db, userId, "MARKETING"),
    currentConsent(db, userId, "PROCESSING"),
    db.legalAcceptance.findMany({
      where: { userId },
      orderBy: { acceptedAt: "desc" },
      select: { acceptedAt: true, document: { select: { kind: true, version: true } } },
    }),
    db.emailToken.findFirst({
      where: { userId, purpose: "CHANGE_EMAIL", usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { email: true, expiresAt: true },
    }),
    db.membership.findMany({
      where: { userId, role: "OWNER" },
      select: {
        organization: {
          select: { id: true, displayName: true, _count: { select: { memberships: { where: { role: "OWNER" } } } } },
        },
      },
    }),
  ]);
  const latest = (kind: "TERMS" | "PRIVACY") => {
    const row = acceptances.find((a) => a.document.kind === kind);
    return row ? { version: row.document.version, acceptedAt: row.acceptedAt } : null;
  };
  return {
    ...user,
    marketing: { granted: marketing?.granted ?? false, changedAt: marketing?.createdAt ?? null },
    processing: { granted: processing?.granted ?? false, changedAt: processing?.createdAt ?? null },
    terms: latest("TERMS"),
    privacy: latest("PRIVACY"),
    pendingEmailChange: pendingEmail,
    soleOwnerOf: ownerships
      .filter((m) => m.organization._count.memberships <= 1)
      .map((m) => ({ id: m.organization.id, displayName: m.organization.displayName })),
  };
}

export async function updateProfile(userId: number, raw: UpdateProfileInput) {
  const input = updateProfileSchema.parse(raw);
  if (input.cityId !== null) {
    const city = await db.city.findUnique({ where: { id: input.cityId }, select: { id: true } });
    if (!city) throw new DomainError("VALIDATION", "errors.cityUnknown", { field: "cityId" });
  }
  await db.user.update({ where: { id: userId }, data: input, select: { id: true } });
  return getProfile(userId);
}

/**
 * Email preferences and the marketing consent, in one transaction. A change of the consent
 * appends a row (time, IP, the privacy policy in force); an unchanged one appends nothing.
 */
export async function updatePreferences(userId: number, raw: PreferencesInput, meta: { ip: string | null }) {
  const input = preferencesSchema.parse(raw);
  return db.$transaction(async (tx) => {
    // Serialises two saves of one person, so both cannot see the old consent and append twice.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
    await tx.user.update({
      where: { id: userId },
      data: { notifyApplicationUpdates: input.notifyApplicationUpdates, notifyDigests: input.notifyDigests },
      select: { id: true },
    });
    const current = await currentConsent(tx, userId, "MARKETING");
    const changed = (current?.granted ?? false) !== input.marketing;
    if (changed) {
      const privacy = await tx.legalDocument.findFirst({
        where: { kind: "PRIVACY", publishedAt: { not: null } },
        orderBy: { version: "desc" },
        select: { id: true },
      });
      await tx.consent.create({
        data: { userId, purpose: "MARKETING", granted: input.marketing, documentId: privacy?.id ?? null, ip: meta.ip },
      });
    }
    return { ...input, marketingChanged: changed };
  });
}
