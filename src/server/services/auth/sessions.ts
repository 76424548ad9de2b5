import { db } from "@/server/db";
import { hasPendingLegalDocuments } from "@/server/services/legal/legal-acceptance";

export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60_000;
const ACTIVE_TOUCH_AFTER_MS = 24 * 3_600_000;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  locale: "ru" | "kk";
  isSeeker: boolean;
  staffRole: "MODERATOR" | "SUPPORT" | "FINANCE" | "SUPERADMIN" | null;
  emailVerified: boolean;
  phone: string | null;
  sessionId: string;
  /** Staff only: this session passed the second factor (TOTP or a recovery code). */
  secondFactorPassed: boolean;
  /**
   * A version of the terms or the privacy policy in force that this user has not accepted yet:
   * until they do, pages send them to accept it and mutations are refused.
   */
  legalPending: boolean;
}

export async function createSession(userId: number, meta: { ip?: string | null; userAgent?: string | null }) {
  const now = new Date();
  const session = await db.session.create({
    data: {
      userId,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    },
    select: { id: true },
  });
  await db.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
  return session.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user behind a session id, or null when the session was revoked, expired, or the user
 * is blocked or gone. This, not the signed cookie alone, is what grants access.
 */
export async function resolveSession(sessionId: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  if (!sessionId || !UUID.test(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      secondFactorAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          isSeeker: true,
          staffRole: true,
          emailVerifiedAt: true,
          phone: true,
          blockedAt: true,
          lastActiveAt: true,
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.blockedAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  // Someone who stays signed in is active too: the retention job counts three unused years from
  // here. Once a day is precise enough for that and costs nothing on most requests.
  if (now.getTime() - session.user.lastActiveAt.getTime() > ACTIVE_TOUCH_AFTER_MS) {
    await db.user.update({ where: { id: session.user.id }, data: { lastActiveAt: now } });
  }
  const { user } = session;
  const legalPending = await hasPendingLegalDocuments(user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isSeeker: user.isSeeker,
    staffRole: user.staffRole,
    emailVerified: user.emailVerifiedAt !== null,
    phone: user.phone,
    sessionId: session.id,
    secondFactorPassed: session.secondFactorAt !== null,
    legalPending,
  };
}

export async function revokeSession(sessionId: string, reason: string) {
  if (!UUID.test(sessionId)) return;
  await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
}

/** Ends every session of the user (password change, "someone used my account", blocking). */
export async function revokeAllSessions(userId: number, reason: string, exceptSessionId?: string) {
  const result = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
  return result.count;
}
