import { describe, expect, it, vi } from "vitest";

import { formatDate } from "@/lib/format";
import { db } from "@/server/db";

import { createOrganization, createUser, signedIn } from "../../../../test/support/factories";
import type * as AccountEmails from "../account/account-emails";
import { resolveSession } from "../auth/sessions";

import { deletionDate, runRetention } from "./run-retention";

// The real notice through the outbox, with a switch that makes the provider refuse it (as a
// bounced address does): the outbox transport itself never refuses.
const mail = vi.hoisted(() => ({ refuse: false }));
vi.mock("../account/account-emails", async (importOriginal) => {
  const actual = await importOriginal<typeof AccountEmails>();
  return {
    ...actual,
    sendAccountNotice: async (...args: Parameters<typeof actual.sendAccountNotice>) => {
      const result = await actual.sendAccountNotice(...args);
      return mail.refuse ? { ...result, delivered: false, error: "refused" } : result;
    },
  };
});

const DAY = 86_400_000;
// The job is given the time it runs at; the accounts' last visits are set relative to it. Now is
// the real time, because the rows the job writes (the outbox) are dated by the database's clock.
const NOW = new Date();

function daysBefore(date: Date, days: number) {
  return new Date(date.getTime() - days * DAY);
}

function yearsBefore(date: Date, years: number) {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** A seeker with a resume, last seen at `lastActiveAt`. */
async function seekerLastActive(lastActiveAt: Date, remindedAt: Date | null = null) {
  const user = await createUser();
  await db.user.update({ where: { id: user.id }, data: { lastActiveAt, inactivityRemindedAt: remindedAt } });
  await db.resume.create({ data: { userId: user.id, title: "Водитель категории C" } });
  return user;
}

const reminders = (userId: number) => db.emailMessage.count({ where: { userId, template: "inactivity-reminder" } });
const exists = async (userId: number) => (await db.user.count({ where: { id: userId } })) === 1;

describe("retention of unused accounts", () => {
  it("warns 30 days before three unused years, once, in the person's language, with the date", async () => {
    const due = await seekerLastActive(daysBefore(yearsBefore(NOW, 3), -29));
    const notYet = await seekerLastActive(daysBefore(yearsBefore(NOW, 3), -31));
    await db.user.update({ where: { id: due.id }, data: { locale: "kk" } });

    const first = await runRetention(NOW);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(await reminders(due.id)).toBe(1);
    expect(await reminders(notYet.id)).toBe(0);
    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: due.id, template: "inactivity-reminder" } });
    expect(email.locale).toBe("kk");
    expect(email.subject).toContain("Jumys аккаунты жойылады");
    // Deleted three years after the last visit (29 days from now), but never sooner than 30 days
    // after the warning: the later of the two.
    expect(deletionDate(yearsBefore(NOW, 3), NOW).getTime()).toBe(NOW.getTime() + 30 * DAY);
    expect(email.text).toContain(formatDate(new Date(NOW.getTime() + 30 * DAY), "kk", "long"));

    // The next days' runs do not warn again, and the account is still there.
    await runRetention(new Date(NOW.getTime() + DAY));
    await runRetention(new Date(NOW.getTime() + 10 * DAY));
    expect(await reminders(due.id)).toBe(1);
    expect(await exists(due.id)).toBe(true);
  });

  it("counts only a delivered warning: a refused one is tried again the next day, and nobody is deleted unwarned", async () => {
    const user = await seekerLastActive(daysBefore(yearsBefore(NOW, 3), 10));
    mail.refuse = true;
    try {
      await runRetention(NOW);
    } finally {
      mail.refuse = false;
    }
    const afterRefusal = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { inactivityRemindedAt: true } });
    expect(afterRefusal.inactivityRemindedAt).toBeNull();
    // Forty days on, still never warned: kept, and warned now.
    const later = new Date(NOW.getTime() + 40 * DAY);
    await runRetention(later);
    expect(await exists(user.id)).toBe(true);
    const warned = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { inactivityRemindedAt: true } });
    expect(warned.inactivityRemindedAt).toEqual(later);
  });

  it("deletes through the account deletion cascade 30 days after the warning, and only then", async () => {
    const user = await seekerLastActive(daysBefore(yearsBefore(NOW, 3), 10), daysBefore(NOW, 29));
    await runRetention(NOW);
    expect(await exists(user.id)).toBe(true);

    const later = new Date(NOW.getTime() + 2 * DAY);
    const result = await runRetention(later);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await exists(user.id)).toBe(false);
    expect(await db.resume.count({ where: { userId: user.id } })).toBe(0);
    const logged = await db.auditLog.findFirstOrThrow({ where: { action: "account.deleted", entityId: String(user.id) } });
    expect(logged).toMatchObject({ actorId: null, ip: null, reason: null });
    expect(logged.data).toMatchObject({ reason: "inactivity", resumes: 1 });
    expect(JSON.stringify(logged.data)).not.toContain(user.email);
  });

  it("keeps an account whose owner came back after the warning, and warns again after three more years", async () => {
    const user = await seekerLastActive(daysBefore(yearsBefore(NOW, 3), 40), daysBefore(NOW, 40));
    // A sign-in after the warning.
    await db.user.update({ where: { id: user.id }, data: { lastActiveAt: daysBefore(NOW, 5) } });
    await runRetention(NOW);
    expect(await exists(user.id)).toBe(true);
    expect(await reminders(user.id)).toBe(0);

    const threeYearsOn = new Date(NOW);
    threeYearsOn.setUTCFullYear(threeYearsOn.getUTCFullYear() + 3);
    await runRetention(threeYearsOn);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { inactivityRemindedAt: true } });
    expect(after.inactivityRemindedAt).toEqual(threeYearsOn);
    expect(await exists(user.id)).toBe(true);
  });

  it("counts a signed-in person who keeps using a session as active", async () => {
    const user = await createUser();
    const session = await signedIn(user.id);
    await db.user.update({ where: { id: user.id }, data: { lastActiveAt: daysBefore(NOW, 2) } });
    const now = new Date();
    await resolveSession(session.sessionId, now);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastActiveAt: true } });
    expect(after.lastActiveAt).toEqual(now);
  });

  it("never touches staff, and keeps an organisation's only owner (counted), deleting a co-owner", async () => {
    const longAgo = daysBefore(yearsBefore(NOW, 3), 60);
    const warned = daysBefore(NOW, 31);
    const staff = await seekerLastActive(longAgo, warned);
    await db.user.update({ where: { id: staff.id }, data: { staffRole: "SUPPORT" } });
    const onlyOwner = await seekerLastActive(longAgo, warned);
    const coOwner = await seekerLastActive(longAgo, warned);
    const partner = await createUser();
    await createOrganization("EMPLOYER", [{ userId: onlyOwner.id, role: "OWNER" }]);
    await createOrganization("EMPLOYER", [
      { userId: coOwner.id, role: "OWNER" },
      { userId: partner.id, role: "OWNER" },
    ]);

    const result = await runRetention(NOW);
    expect(await exists(staff.id)).toBe(true);
    expect(await reminders(staff.id)).toBe(0);
    expect(await exists(onlyOwner.id)).toBe(true);
    expect(result.keptAsLastOwner).toBeGreaterThanOrEqual(1);
    expect(await exists(coOwner.id)).toBe(false);
  });

  it("deletes each account once when two runs overlap", async () => {
    const users = await Promise.all(
      Array.from({ length: 6 }, () => seekerLastActive(daysBefore(yearsBefore(NOW, 3), 90), daysBefore(NOW, 35))),
    );
    const [a, b] = await Promise.all([runRetention(NOW), runRetention(NOW)]);
    expect(a.deleted + b.deleted).toBeGreaterThanOrEqual(users.length);
    for (const user of users) {
      expect(await exists(user.id)).toBe(false);
      expect(await db.auditLog.count({ where: { action: "account.deleted", entityId: String(user.id) } })).toBe(1);
    }
  });
});

describe("purge of finished records older than three months", () => {
  it("removes old outbox mail, ended sessions, spent codes and invitations, and spent counters; keeps the rest", async () => {
    const user = await createUser();
    const old = daysBefore(NOW, 100);
    const recent = daysBefore(NOW, 20);
    const email = (createdAt: Date, status: "SENT" | "QUEUED" | "FAILED", key: string) =>
      db.emailMessage.create({
        data: {
          toAddress: user.email,
          fromAddress: "noreply@jumys.kz",
          subject: "s",
          html: "h",
          text: "t",
          template: "test",
          transport: "outbox",
          status,
          createdAt,
          idempotencyKey: `${key}:${user.id}`,
        },
        select: { id: true },
      });
    const oldSent = await email(old, "SENT", "old-sent");
    const oldFailed = await email(old, "FAILED", "old-failed");
    const oldQueued = await email(old, "QUEUED", "old-queued");
    const recentSent = await email(recent, "SENT", "recent");

    const session = (revokedAt: Date | null, expiresAt: Date) =>
      db.session.create({ data: { userId: user.id, revokedAt, expiresAt }, select: { id: true } });
    const revokedLongAgo = await session(old, NOW);
    const expiredLongAgo = await session(null, old);
    const expiredRecently = await session(null, recent);
    const live = await session(null, new Date(NOW.getTime() + 10 * DAY));

    const token = (usedAt: Date | null, expiresAt: Date, tag: string) =>
      db.emailToken.create({
        data: { userId: user.id, purpose: "SIGN_IN_CODE", email: user.email, secretHash: `${tag}-${user.id}`, usedAt, expiresAt },
        select: { id: true },
      });
    const usedLongAgo = await token(old, old, "used-old");
    const openToken = await token(null, new Date(NOW.getTime() + DAY), "open");

    const org = await createOrganization("EMPLOYER");
    const invitation = (acceptedAt: Date | null, expiresAt: Date, tag: string) =>
      db.organizationInvitation.create({
        data: {
          organizationId: org.id,
          email: `${tag}@example.kz`,
          role: "MANAGER",
          secretHash: `${tag}-${org.id}`,
          acceptedAt,
          expiresAt,
        },
        select: { id: true },
      });
    const acceptedLongAgo = await invitation(old, recent, "accepted");
    const pending = await invitation(null, new Date(NOW.getTime() + DAY), "pending");

    await db.rateLimit.createMany({
      data: [
        { key: `spent-${user.id}`, points: 3, expire: daysBefore(NOW, 1) },
        { key: `running-${user.id}`, points: 3, expire: new Date(NOW.getTime() + 60_000) },
      ],
    });

    const result = await runRetention(NOW);
    expect(result.purged.emails).toBeGreaterThanOrEqual(2);

    const emailsLeft = await db.emailMessage.findMany({ where: { toAddress: user.email }, select: { id: true } });
    expect(emailsLeft.map((e) => e.id).sort()).toEqual([oldQueued.id, recentSent.id].sort());
    expect(emailsLeft.map((e) => e.id)).not.toContain(oldSent.id);
    expect(emailsLeft.map((e) => e.id)).not.toContain(oldFailed.id);

    const sessionsLeft = (await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id);
    expect(sessionsLeft.sort()).toEqual([expiredRecently.id, live.id].sort());
    expect(sessionsLeft).not.toContain(revokedLongAgo.id);
    expect(sessionsLeft).not.toContain(expiredLongAgo.id);

    const tokensLeft = (await db.emailToken.findMany({ where: { userId: user.id }, select: { id: true } })).map((t) => t.id);
    expect(tokensLeft).toEqual([openToken.id]);
    expect(tokensLeft).not.toContain(usedLongAgo.id);

    const invitationsLeft = (await db.organizationInvitation.findMany({ where: { organizationId: org.id } })).map((i) => i.id);
    expect(invitationsLeft).toEqual([pending.id]);
    expect(invitationsLeft).not.toContain(acceptedLongAgo.id);

    const countersLeft = (await db.rateLimit.findMany({ where: { key: { endsWith: `-${user.id}` } } })).map((r) => r.key);
    expect(countersLeft).toEqual([`running-${user.id}`]);

    // A second run finds nothing more to do.
    const again = await runRetention(NOW);
    expect(Object.values(again.purged).every((n) => n === 0)).toBe(true);
  });
});
