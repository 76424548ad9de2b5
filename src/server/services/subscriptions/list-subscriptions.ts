import type { SubscriptionFrequency } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { describeSearch } from "@/lib/search/describe-search";
import { paramsFromCriteria } from "@/lib/search/subscription-criteria";
import { db } from "@/server/db";

import { canonicalCriteria, summaryContext } from "./subscription-search";

export interface SubscriptionView {
  id: number;
  name: string;
  /** The search page's query string for this subscription (open it with `/vacancies?${query}`). */
  query: string;
  /** The search in words, in the reader's language. */
  summary: string;
  frequency: SubscriptionFrequency;
  pausedAt: Date | null;
  lastDigestAt: Date | null;
  createdAt: Date;
}

/** A seeker's subscriptions, newest first, each with its search summed up in `locale`. */
export async function listSubscriptions(
  userId: number,
  locale: AppLocale,
): Promise<{ items: SubscriptionView[]; digestsEnabled: boolean }> {
  const [rows, user] = await Promise.all([
    db.subscription.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, name: true, criteria: true, frequency: true, pausedAt: true, lastDigestAt: true, createdAt: true },
    }),
    db.user.findUnique({ where: { id: userId }, select: { notifyDigests: true } }),
  ]);
  const searches = rows.map((row) => paramsFromCriteria(row.criteria));
  const ctx = await summaryContext(
    locale,
    searches.flatMap((p) => (p.company ? [p.company] : [])),
  );
  return {
    items: rows.map((row, i) => ({
      id: row.id,
      name: row.name,
      query: canonicalCriteria(row.criteria).query,
      summary: describeSearch(searches[i]!, ctx, 300),
      frequency: row.frequency,
      pausedAt: row.pausedAt,
      lastDigestAt: row.lastDigestAt,
      createdAt: row.createdAt,
    })),
    digestsEnabled: user?.notifyDigests ?? true,
  };
}
