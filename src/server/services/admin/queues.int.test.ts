import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";

import { staffQueues } from "./queues";

const HOUR = 3_600_000;
const keys = async (role: Parameters<typeof staffQueues>[0]) => (await staffQueues(role)).map((q) => q.key);

describe("the console's queues", () => {
  it("are those of the staff member's role; a superadmin sees them all", async () => {
    expect(await keys("MODERATOR")).toEqual([
      "moderation",
      "resumes",
      "organizationTexts",
      "verification",
      "complaints",
      "appeals",
    ]);
    expect(await keys("SUPPORT")).toEqual(["verification", "complaints", "feedback", "failedEmails"]);
    expect(await keys("FINANCE")).toEqual(["invoices", "refunds"]);
    expect(await keys("SUPERADMIN")).toEqual([
      "moderation",
      "resumes",
      "organizationTexts",
      "verification",
      "complaints",
      "feedback",
      "invoices",
      "refunds",
      "failedEmails",
      "deletions",
      "appeals",
    ]);
  });

  it("count flagged resumes (and those asking for a review) and organisations with flagged texts", async () => {
    const now = new Date("2030-01-10T12:00:00Z");
    const since = new Date("2000-01-01T00:00:00Z");
    const queue = async (key: string) => (await staffQueues("MODERATOR", now)).find((q) => q.key === key)!;
    const before = { resumes: await queue("resumes"), organizationTexts: await queue("organizationTexts") };
    const seeker = await db.user.create({ data: { email: "queues-seeker@example.kz", name: "Соискатель" } });
    const resume = (moderation: "CLEAR" | "FLAGGED" | "HIDDEN" | "REVIEW", queuedAt: Date | null) =>
      db.resume.create({ data: { userId: seeker.id, title: "Водитель", moderation, moderationQueuedAt: queuedAt } });
    await resume("FLAGGED", since);
    await resume("REVIEW", new Date());
    await resume("HIDDEN", null);
    await resume("CLEAR", null);
    const flagged = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: flagged.id }, data: { moderationFlags: ["profanity:бля"], flaggedAt: since } });
    const reviewed = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: reviewed.id }, data: { moderationFlags: ["profanity:бля"], flaggedAt: null } });

    const resumes = await queue("resumes");
    const organizationTexts = await queue("organizationTexts");
    expect(resumes.count - before.resumes.count).toBe(2);
    expect(organizationTexts.count - before.organizationTexts.count).toBe(1);
    expect(resumes.oldestAt).toEqual(since);
    expect(organizationTexts.oldestAt).toEqual(since);
  });

  it("count what waits and say since when the oldest has waited", async () => {
    // Older than anything else in the test database, so it is the oldest whatever else runs.
    const now = new Date("2030-01-10T12:00:00Z");
    const since = new Date("2000-01-01T00:00:00Z");
    const queue = async (key: string) => (await staffQueues("SUPERADMIN", now)).find((q) => q.key === key)!;
    const before = {
      complaints: await queue("complaints"),
      verification: await queue("verification"),
      appeals: await queue("appeals"),
    };

    const org = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: org.id }, data: { verification: "PENDING", createdAt: since } });
    await db.ticket.create({
      data: { kind: "COMPLAINT", status: "NEW", message: "Мошенническая вакансия", createdAt: since },
    });
    // A driving school waits in the same queue; answered tickets and verified organisations do not wait.
    const school = await createOrganization("DRIVING_SCHOOL");
    await db.organization.update({ where: { id: school.id }, data: { verification: "PENDING" } });
    await db.ticket.create({ data: { kind: "COMPLAINT", status: "ANSWERED", message: "Ответ дан" } });
    const verified = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: verified.id }, data: { verification: "VERIFIED" } });
    // An appeal against a block waits until decided; a decided one does not.
    const blocked = await createOrganization("EMPLOYER");
    const waitingBlock = await db.block.create({
      data: { organizationId: blocked.id, reason: "Мошенничество", createdAt: since },
    });
    await db.blockAppeal.create({ data: { blockId: waitingBlock.id, text: "Прошу пересмотреть блокировку", createdAt: since } });
    const other = await createOrganization("EMPLOYER");
    const decidedBlock = await db.block.create({ data: { organizationId: other.id, reason: "Мошенничество" } });
    await db.blockAppeal.create({
      data: { blockId: decidedBlock.id, text: "Прошу пересмотреть", decision: "UPHELD", decidedAt: now, decisionNote: "Нет" },
    });

    const complaints = await queue("complaints");
    const verification = await queue("verification");
    const appeals = await queue("appeals");
    expect(complaints.count - before.complaints.count).toBe(1);
    expect(verification.count - before.verification.count).toBe(2);
    expect(appeals.count - before.appeals.count).toBe(1);
    for (const q of [complaints, verification, appeals]) {
      expect(q.oldestAt).toEqual(since);
      expect(q.waitingHours).toBe(Math.floor((now.getTime() - since.getTime()) / HOUR));
    }
  });
});
