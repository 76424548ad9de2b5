import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import { revokeAllSessions } from "../auth/sessions";

/** The user's live sessions (devices), current first. */
export async function listSessions(userId: number, currentSessionId: string) {
  const sessions = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
  return sessions
    .map((s) => ({ ...s, current: s.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the user's own sessions; someone else's id is simply not found. */
export async function revokeOwnSession(userId: number, sessionId: string) {
  const result = await db.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date(), revokeReason: "user_revoked" },
  });
  if (result.count === 0) throw new DomainError("NOT_FOUND", "errors.notFound");
}

export async function revokeOtherSessions(userId: number, currentSessionId: string, ip: string | null) {
  const count = await revokeAllSessions(userId, "user_revoked_others", currentSessionId);
  await audit(db, { userId: userId, ip: ip }, "user.sessions_revoked", { type: "user", id: userId }, { data: { count } });
  return { revoked: count };
}
