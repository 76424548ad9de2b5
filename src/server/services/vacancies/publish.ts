import type { PublicationType } from "@/generated/prisma/enums";
import type { Actor } from "@/server/audit";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { holdPublicationCredit, spendHeldCredit } from "../billing/credits";
import { refreshVacancySearch } from "../search/search-index";

export const PUBLICATION_DAYS = 30;
export const PREMIUM_DAYS = 7;
const DAY = 86_400_000;

/**
 * The one place a vacancy goes live: a moderator's approval and a republication from the
 * archive both come here, inside their transaction. A new publication period starts (30 days,
 * the first 7 highlighted for premium). Every publication is paid for with a credit of its type,
 * checked here so no path can publish for free: the credit taken when the employer submitted
 * (submitVacancy), or a new one (a republication, or a vacancy submitted before it held one).
 *
 * A live vacancy whose duties were edited comes back through moderation within the period its
 * credit paid for: approval puts it back with the same end (and premium days), not a new 30 days.
 * If that period ended meanwhile, its credit is spent and the new period takes another.
 */
export async function publishVacancy(
  tx: DbTx,
  vacancy: { id: number; organizationId: number; publicationType: PublicationType },
  now: Date,
  actor?: Actor,
) {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: vacancy.organizationId },
    select: { verification: true, blockedAt: true },
  });
  if (org.blockedAt || org.verification !== "VERIFIED") throw new DomainError("CONFLICT", "errors.vacancy.orgNotVerified");
  const current = await tx.vacancy.findUniqueOrThrow({
    where: { id: vacancy.id },
    select: { publishedAt: true, expiresAt: true, creditUse: { select: { usedAt: true, returnedAt: true } } },
  });
  // The held credit paid for the current period when it was taken before that period began.
  const paidForCurrent =
    current.publishedAt !== null &&
    current.creditUse !== null &&
    !current.creditUse.returnedAt &&
    current.creditUse.usedAt <= current.publishedAt;
  const continuing = paidForCurrent && current.expiresAt !== null && current.expiresAt > now;
  if (paidForCurrent && !continuing) await spendHeldCredit(tx, vacancy.id);
  await holdPublicationCredit(tx, vacancy, now, actor);
  await tx.vacancy.update({
    where: { id: vacancy.id },
    data: {
      status: "PUBLISHED",
      ...(continuing
        ? {}
        : {
            publishedAt: now,
            expiresAt: new Date(now.getTime() + PUBLICATION_DAYS * DAY),
            premiumUntil: vacancy.publicationType === "PREMIUM" ? new Date(now.getTime() + PREMIUM_DAYS * DAY) : null,
          }),
      archivedAt: null,
      removedAt: null,
      moderationReason: null,
    },
  });
  await refreshVacancySearch(tx, [vacancy.id]);
}
