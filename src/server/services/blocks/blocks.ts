import { getEnv } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { StaffRole } from "@/generated/prisma/enums";
import { isLocale, type AppLocale } from "@/i18n/routing";
import {
  appealDecisionSchema,
  appealTextSchema,
  blockSchema,
  liftBlockSchema,
  organizationSearchSchema,
  userAppealSchema,
  userLookupSchema,
} from "@/lib/validation/blocks";
import { audit, type Actor, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { blockNoticeTemplate, type BlockNotice } from "@/server/email/templates/block-notice";
import { DomainError } from "@/server/errors";

import { consumeLimit } from "../auth/rate-limit";
import { hashSecret, issueEmailToken } from "../auth/email-tokens";
import { refreshVacancySearch } from "../search/search-index";
import { refreshResumeSearchOfUsers } from "../resume-database/resume-search-index";
import { revalidateOrganizationPagesAfterCommit } from "../vacancies/vacancy-cache";

// Blocking an organisation or a user account, and the one appeal each block may have (SPEC §8).
//
// A block is a row of `blocks`; the organisation's or user's `blocked_at`/`block_reason` mirror
// the block in force, and every existing rule reads those: the single public-vacancy rule
// (search, vacancy pages' 410, sitemaps), sessions (a blocked user's requests are anonymous),
// sign-in, and the organisation procedures (a blocked organisation's members read only).
// Every step is audited and emailed in the recipient's language.

/** Staff rank for "nobody blocks staff above their own role". */
const STAFF_RANK: Record<StaffRole, number> = { MODERATOR: 1, SUPPORT: 1, FINANCE: 1, SUPERADMIN: 2 };

interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: string;
}
const RECIPIENT = { id: true, email: true, name: true, locale: true } as const;

interface Outgoing {
  to: Recipient;
  organization: string | null;
  notice: BlockNotice;
  /** One email per step and recipient, however often a caller retries. */
  key: string;
}

const localeOf = (r: Recipient): AppLocale => (isLocale(r.locale) ? r.locale : "ru");
const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

async function sendNotices(outgoing: Outgoing[]): Promise<void> {
  if (outgoing.length === 0) return;
  const emails = await Promise.all(
    outgoing.map(async (o) => {
      const locale = localeOf(o.to);
      const built = blockNoticeTemplate({ locale, name: o.to.name, organization: o.organization, notice: o.notice });
      const { html, text } = await renderEmail(built.element);
      return {
        to: o.to.email,
        subject: built.subject,
        html,
        text,
        template: "block-notice",
        locale,
        userId: o.to.id,
        idempotencyKey: o.key,
      };
    }),
  );
  await getMailer().sendMany(emails);
}

const owners = (tx: DbTx, organizationId: number) =>
  tx.membership
    .findMany({ where: { organizationId, role: "OWNER" }, select: { user: { select: RECIPIENT } } })
    .then((rows) => rows.map((r) => r.user));

const publishedVacancyIds = (tx: DbTx, organizationId: number) =>
  tx.vacancy.findMany({ where: { organizationId, status: "PUBLISHED" }, select: { id: true } }).then((r) => r.map((v) => v.id));

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

// ---------------------------------------------------------------- operators: block and lift

/**
 * Blocks an organisation or a user account with a reason. Nobody blocks themselves or staff
 * ranking above them; a target already blocked is a CONFLICT. An organisation's vacancies leave
 * search in the same transaction; a user's sessions end. The owners (or the user) are emailed
 * the reason and how to appeal: the owner from the dashboard, the user by the email's one-time link.
 */
export async function block(raw: unknown, actor: UserActor, actorRole: StaffRole, now = new Date()) {
  const input = blockSchema.parse(raw);
  const result = await db
    .$transaction(async (tx) => {
      if (input.target.organizationId !== undefined) {
        const org = await tx.organization.findUnique({
          where: { id: input.target.organizationId },
          select: { id: true, type: true, slug: true, displayName: true, blockedAt: true },
        });
        if (!org) throw new DomainError("NOT_FOUND", "errors.block.targetNotFound");
        if (org.blockedAt) throw new DomainError("CONFLICT", "errors.block.alreadyBlocked");
        const created = await tx.block.create({
          data: { organizationId: org.id, reason: input.reason, blockedById: actor.userId, createdAt: now },
        });
        await tx.organization.update({ where: { id: org.id }, data: { blockedAt: now, blockReason: input.reason } });
        await refreshVacancySearch(tx, await publishedVacancyIds(tx, org.id));
        await audit(
          tx,
          actor,
          "organization.block",
          { type: "organization", id: org.id },
          {
            reason: input.reason,
            data: { blockId: created.id },
          },
        );
        const outgoing: Outgoing[] = (await owners(tx, org.id)).map((to) => ({
          to,
          organization: org.displayName,
          notice: {
            kind: "organizationBlocked",
            reason: input.reason,
            url: appUrl(`/${localeOf(to)}/${org.type === "DRIVING_SCHOOL" ? "school" : "employer"}/${org.id}`),
          },
          key: `block:${created.id}:blocked:${to.id}`,
        }));
        return { blockId: created.id, organization: org, outgoing };
      }
      const userId = input.target.userId!;
      if (userId === actor.userId) throw new DomainError("FORBIDDEN", "errors.block.self");
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { ...RECIPIENT, staffRole: true, blockedAt: true },
      });
      if (!user) throw new DomainError("NOT_FOUND", "errors.block.targetNotFound");
      if (user.staffRole && STAFF_RANK[user.staffRole] > STAFF_RANK[actorRole]) {
        throw new DomainError("FORBIDDEN", "errors.block.staffAbove");
      }
      if (user.blockedAt) throw new DomainError("CONFLICT", "errors.block.alreadyBlocked");
      const created = await tx.block.create({
        data: { userId: user.id, reason: input.reason, blockedById: actor.userId, createdAt: now },
      });
      await tx.user.update({ where: { id: user.id }, data: { blockedAt: now, blockReason: input.reason } });
      await refreshResumeSearchOfUsers(tx, [user.id]);
      // Ended, not only refused while blocked: lifting the block must not bring old sessions back.
      await tx.session.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: now, revokeReason: "blocked" },
      });
      const { secret } = await issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "BLOCK_APPEAL", now });
      await audit(
        tx,
        actor,
        "user.block",
        { type: "user", id: user.id },
        { reason: input.reason, data: { blockId: created.id } },
      );
      const outgoing: Outgoing[] = [
        {
          to: user,
          organization: null,
          notice: { kind: "userBlocked", reason: input.reason, url: appUrl(`/${localeOf(user)}/appeal?token=${secret}`) },
          key: `block:${created.id}:blocked:${user.id}`,
        },
      ];
      return { blockId: created.id, organization: null, outgoing };
    })
    .catch((e: unknown) => {
      // Two operators blocking at once: the partial unique index lets one through.
      if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "errors.block.alreadyBlocked");
      throw e;
    });
  if (result.organization) {
    const org = result.organization;
    await revalidateOrganizationPagesAfterCommit({ id: org.id, type: org.type, slugs: [org.slug] });
  }
  await sendNotices(result.outgoing);
  return { blockId: result.blockId };
}

interface LiftedBlock {
  id: number;
  organizationId: number | null;
  userId: number | null;
}

/** Ends a block in force and restores what it took away; returns who hears of it. */
async function lift(tx: DbTx, blk: LiftedBlock, actor: UserActor, note: string, now: Date) {
  const ended = await tx.block.updateMany({
    where: { id: blk.id, liftedAt: null },
    data: { liftedAt: now, liftedById: actor.userId, liftNote: note },
  });
  if (ended.count === 0) throw new DomainError("CONFLICT", "errors.block.notInForce");
  if (blk.organizationId !== null) {
    const org = await tx.organization.update({
      where: { id: blk.organizationId },
      data: { blockedAt: null, blockReason: null },
      select: { id: true, type: true, slug: true, displayName: true },
    });
    // Back in search the vacancies still within their publication period (the rule checks expiry).
    await refreshVacancySearch(tx, await publishedVacancyIds(tx, org.id));
    await audit(
      tx,
      actor,
      "organization.unblock",
      { type: "organization", id: org.id },
      { reason: note, data: { blockId: blk.id } },
    );
    const path = (to: Recipient) => `/${localeOf(to)}/${org.type === "DRIVING_SCHOOL" ? "school" : "employer"}/${org.id}`;
    return {
      organization: org,
      recipients: (await owners(tx, org.id)).map((to) => ({ to, url: appUrl(path(to)) })),
    };
  }
  const user = await tx.user.update({
    where: { id: blk.userId! },
    data: { blockedAt: null, blockReason: null },
    select: RECIPIENT,
  });
  await refreshResumeSearchOfUsers(tx, [user.id]);
  await tx.emailToken.deleteMany({ where: { userId: user.id, purpose: "BLOCK_APPEAL" } });
  await audit(tx, actor, "user.unblock", { type: "user", id: user.id }, { reason: note, data: { blockId: blk.id } });
  return { organization: null, recipients: [{ to: user, url: appUrl(`/${localeOf(user)}/auth/sign-in`) }] };
}

async function afterLift(blockId: number, lifted: Awaited<ReturnType<typeof lift>>, note: string): Promise<void> {
  if (lifted.organization) {
    const org = lifted.organization;
    await revalidateOrganizationPagesAfterCommit({ id: org.id, type: org.type, slugs: [org.slug] });
  }
  await sendNotices(
    lifted.recipients.map(({ to, url }) => ({
      to,
      organization: lifted.organization?.displayName ?? null,
      notice: { kind: "lifted", note, url },
      key: `block:${blockId}:lifted:${to.id}`,
    })),
  );
}

/**
 * An operator lifts a block that has no appeal waiting (a waiting appeal is decided instead, by
 * another staff member: lifting around it would bypass that rule's record).
 */
export async function liftBlock(raw: unknown, actor: UserActor, now = new Date()) {
  const input = liftBlockSchema.parse(raw);
  const lifted = await db.$transaction(async (tx) => {
    const blk = await tx.block.findUnique({
      where: { id: input.blockId },
      select: { id: true, organizationId: true, userId: true, liftedAt: true, appeal: { select: { decision: true } } },
    });
    if (!blk) throw new DomainError("NOT_FOUND", "errors.block.notFound");
    if (blk.liftedAt) throw new DomainError("CONFLICT", "errors.block.notInForce");
    if (blk.appeal && blk.appeal.decision === null) throw new DomainError("CONFLICT", "errors.block.appealWaiting");
    return lift(tx, blk, actor, input.note, now);
  });
  await afterLift(input.blockId, lifted, input.note);
  return { lifted: true };
}

// ---------------------------------------------------------------- appeals

const appealReceived = (blockId: number, to: Recipient, organization: string | null): Outgoing => ({
  to,
  organization,
  notice: { kind: "appealReceived" },
  key: `block:${blockId}:appeal:${to.id}`,
});

/**
 * The owner of a blocked organisation appeals, once per block. The router lets only an owner
 * through, and this call is the one write a blocked organisation's members may still make.
 */
export async function appealOrganizationBlock(organizationId: number, rawText: unknown, actor: UserActor, now = new Date()) {
  const text = appealTextSchema.parse(rawText);
  const outgoing = await db
    .$transaction(async (tx) => {
      const blk = await tx.block.findFirst({
        where: { organizationId, liftedAt: null },
        select: { id: true, appeal: { select: { id: true } }, organization: { select: { displayName: true } } },
      });
      if (!blk) throw new DomainError("CONFLICT", "errors.block.notInForce");
      if (blk.appeal) throw new DomainError("CONFLICT", "errors.block.appealExists");
      const appeal = await tx.blockAppeal.create({ data: { blockId: blk.id, authorId: actor.userId, text, createdAt: now } });
      await audit(tx, actor, "block.appeal", { type: "block", id: blk.id }, { data: { appealId: appeal.id, organizationId } });
      const author = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: RECIPIENT });
      return [appealReceived(blk.id, author, blk.organization?.displayName ?? null)];
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "errors.block.appealExists");
      throw e;
    });
  await sendNotices(outgoing);
  return { appealed: true };
}

/** Finds the block in force behind an appeal link, or null for a link that is unknown, used or expired. */
async function appealLink(tx: Pick<DbTx, "emailToken" | "block">, token: string, now: Date) {
  const row = await tx.emailToken.findUnique({
    where: { secretHash: hashSecret("BLOCK_APPEAL", 0, token) },
    select: { id: true, userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== "BLOCK_APPEAL" || row.usedAt || row.expiresAt <= now) return null;
  const blk = await tx.block.findFirst({
    where: { userId: row.userId, liftedAt: null },
    select: { id: true, reason: true, createdAt: true, appeal: { select: { id: true } }, user: { select: RECIPIENT } },
  });
  if (!blk || !blk.user || blk.appeal) return null;
  return { tokenId: row.id, block: blk, user: blk.user };
}

/** What the appeal page shows for a link: the block's reason and date; null for a dead link. */
export async function appealByLink(token: unknown, now = new Date()) {
  const parsed = userAppealSchema.shape.token.safeParse(token);
  if (!parsed.success) return null;
  const found = await appealLink(db, parsed.data, now);
  return found ? { name: found.user.name, reason: found.block.reason, blockedAt: found.block.createdAt } : null;
}

/**
 * A blocked person appeals through the link of their block email (they cannot sign in). The
 * link is single-use and only its hash is stored; limited per IP like other guest forms.
 */
export async function appealUserBlock(raw: unknown, actor: Actor, now = new Date()) {
  const input = userAppealSchema.parse(raw);
  if (actor.ip) await consumeLimit("appealPerIp", actor.ip);
  const outgoing = await db
    .$transaction(async (tx) => {
      const found = await appealLink(tx, input.token, now);
      if (!found) throw new DomainError("NOT_FOUND", "errors.block.appealLinkInvalid");
      // Spent first and conditionally: two submissions of the same link cannot both pass.
      const spent = await tx.emailToken.updateMany({ where: { id: found.tokenId, usedAt: null }, data: { usedAt: now } });
      if (spent.count === 0) throw new DomainError("NOT_FOUND", "errors.block.appealLinkInvalid");
      const appeal = await tx.blockAppeal.create({
        data: { blockId: found.block.id, authorId: found.user.id, text: input.text, createdAt: now },
      });
      await audit(
        tx,
        { userId: found.user.id, ip: actor.ip },
        "block.appeal",
        { type: "block", id: found.block.id },
        { data: { appealId: appeal.id } },
      );
      return [appealReceived(found.block.id, found.user, null)];
    })
    .catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new DomainError("CONFLICT", "errors.block.appealExists");
      throw e;
    });
  await sendNotices(outgoing);
  return { appealed: true };
}

/**
 * A staff member decides an appeal: uphold the block or lift it, with a note the appellant gets.
 * The one who blocked may not decide (checked here, on the server); an appeal is decided once.
 */
export async function decideAppeal(raw: unknown, actor: UserActor, now = new Date()) {
  const input = appealDecisionSchema.parse(raw);
  const outcome = await db.$transaction(async (tx) => {
    const appeal = await tx.blockAppeal.findUnique({
      where: { id: input.appealId },
      select: {
        id: true,
        decision: true,
        author: { select: RECIPIENT },
        block: {
          select: {
            id: true,
            organizationId: true,
            userId: true,
            blockedById: true,
            liftedAt: true,
            organization: { select: { displayName: true } },
          },
        },
      },
    });
    if (!appeal) throw new DomainError("NOT_FOUND", "errors.block.appealNotFound");
    if (appeal.block.blockedById === actor.userId) throw new DomainError("FORBIDDEN", "errors.block.sameStaff");
    const decided = await tx.blockAppeal.updateMany({
      where: { id: appeal.id, decision: null },
      data: { decision: input.decision, decidedAt: now, decidedById: actor.userId, decisionNote: input.note },
    });
    if (decided.count === 0 || appeal.block.liftedAt) throw new DomainError("CONFLICT", "errors.block.appealDecided");
    await audit(
      tx,
      actor,
      input.decision === "LIFTED" ? "block.appeal.lift" : "block.appeal.uphold",
      { type: "block", id: appeal.block.id },
      { reason: input.note, data: { appealId: appeal.id } },
    );
    if (input.decision === "LIFTED") {
      return { kind: "lifted" as const, lifted: await lift(tx, appeal.block, actor, input.note, now) };
    }
    const to = appeal.author;
    return {
      kind: "upheld" as const,
      outgoing: to
        ? [
            {
              to,
              organization: appeal.block.organization?.displayName ?? null,
              notice: { kind: "appealUpheld", note: input.note },
              key: `block:${appeal.block.id}:upheld:${to.id}`,
            } satisfies Outgoing,
          ]
        : [],
      blockId: appeal.block.id,
    };
  });
  if (outcome.kind === "lifted") {
    const blk = await db.blockAppeal.findUniqueOrThrow({ where: { id: input.appealId }, select: { blockId: true } });
    await afterLift(blk.blockId, outcome.lifted, input.note);
  } else {
    await sendNotices(outcome.outgoing);
  }
  return { decision: input.decision };
}

// ---------------------------------------------------------------- what operators and owners see

const BLOCK_SUMMARY = {
  id: true,
  reason: true,
  createdAt: true,
  blockedById: true,
  blockedBy: { select: { name: true } },
  appeal: { select: { id: true, text: true, createdAt: true, decision: true, decidedAt: true, decisionNote: true } },
} satisfies Prisma.BlockSelect;

/** Organisations by part of their name, or by BIN/IIN (12 digits), with the block in force. */
export async function searchOrganizations(raw: unknown) {
  const { query } = organizationSearchSchema.parse(raw);
  if (query === "") return [];
  const where: Prisma.OrganizationWhereInput = /^\d{12}$/.test(query)
    ? { OR: [{ bin: query }, { iin: query }] }
    : {
        OR: [{ displayName: { contains: query, mode: "insensitive" } }, { legalName: { contains: query, mode: "insensitive" } }],
      };
  return db.organization.findMany({
    where,
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      type: true,
      displayName: true,
      legalName: true,
      bin: true,
      iin: true,
      verification: true,
      blockedAt: true,
      blocks: { where: { liftedAt: null }, select: BLOCK_SUMMARY },
    },
  });
}

/** One account by email, with its staff role and the block in force; null when there is none. */
export async function lookupUser(raw: unknown) {
  const { email } = userLookupSchema.parse(raw);
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      blockedAt: true,
      blocks: { where: { liftedAt: null }, select: BLOCK_SUMMARY },
    },
  });
}

/** The appeals queue: waiting appeals oldest first, then the latest decided ones. */
export async function listAppeals(viewerId: number) {
  const select = {
    id: true,
    text: true,
    createdAt: true,
    decision: true,
    decidedAt: true,
    decisionNote: true,
    author: { select: { name: true, email: true } },
    decidedBy: { select: { name: true } },
    block: {
      select: {
        id: true,
        reason: true,
        createdAt: true,
        blockedById: true,
        blockedBy: { select: { name: true } },
        organization: { select: { id: true, displayName: true, bin: true, iin: true } },
        user: { select: { id: true, name: true, email: true } },
      },
    },
  } satisfies Prisma.BlockAppealSelect;
  const [waiting, decided] = await Promise.all([
    db.blockAppeal.findMany({ where: { decision: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select }),
    db.blockAppeal.findMany({
      where: { decision: { not: null } },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      take: 20,
      select,
    }),
  ]);
  const mark = (a: (typeof waiting)[number]) => ({ ...a, blockedByViewer: a.block.blockedById === viewerId });
  return { waiting: waiting.map(mark), decided: decided.map(mark) };
}

/** The block in force on an organisation, as its members see it (reason, and the appeal's state). */
export async function organizationBlock(organizationId: number) {
  const blk = await db.block.findFirst({
    where: { organizationId, liftedAt: null },
    select: {
      reason: true,
      createdAt: true,
      appeal: { select: { createdAt: true, decision: true, decidedAt: true, decisionNote: true } },
    },
  });
  return blk;
}
