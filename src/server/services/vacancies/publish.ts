import type { PublicationType } from "@/generated/prisma/enums";
import type { Actor } from "@/server/audit";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { holdPublicationCredit } from "../billing/credits";
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
  await holdPublicationCredit(tx, vacancy, now, actor);
  await tx.vacancy.update({
    where: { id: vacancy.id },
    data: {
      status: "PUBLISHED",
      publishedAt: now,
      expiresAt: new Date(now.getTime() + PUBLICATION_DAYS * DAY),
      premiumUntil: vacancy.publicationType === "PREMIUM" ? new Date(now.getTime() + PREMIUM_DAYS * DAY) : null,
      archivedAt: null,
      removedAt: null,
      moderationReason: null,
    },
  });
  await refreshVacancySearch(tx, [vacancy.id]);
}
