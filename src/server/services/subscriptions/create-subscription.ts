import type { AppLocale } from "@/i18n/routing";
import { describeSearch } from "@/lib/search/describe-search";
import { createSubscriptionSchema, SUBSCRIPTION_NAME_MAX, SUBSCRIPTIONS_LIMIT } from "@/lib/validation/subscriptions";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { lockSubscriptions } from "./lock-subscriptions";
import { canonicalCriteria, resolveSubscriptionSearch, summaryContext } from "./subscription-search";

/**
 * Subscribes a seeker to a search. The name defaults to the search in words, in `locale`.
 * The same search twice, or more than SUBSCRIPTIONS_LIMIT subscriptions, is refused (CONFLICT).
 */
export async function createSubscription(userId: number, raw: unknown, locale: AppLocale) {
  const input = createSubscriptionSchema.parse(raw);
  const { params, criteria, companyName } = await resolveSubscriptionSearch(input.query);
  let name = input.name;
  if (name === undefined) {
    const ctx = await summaryContext(locale);
    name = describeSearch(params, { ...ctx, companyName: () => companyName }, SUBSCRIPTION_NAME_MAX);
  }

  return db.$transaction(async (tx) => {
    await lockSubscriptions(tx, userId);
    const existing = await tx.subscription.findMany({ where: { userId }, select: { criteria: true } });
    if (existing.some((row) => canonicalCriteria(row.criteria).query === criteria.query)) {
      throw new DomainError("CONFLICT", "errors.subscriptions.duplicate");
    }
    if (existing.length >= SUBSCRIPTIONS_LIMIT) {
      throw new DomainError("CONFLICT", "errors.subscriptions.limitReached");
    }
    return tx.subscription.create({
      data: { userId, name, criteria, frequency: input.frequency },
      select: { id: true, name: true, frequency: true },
    });
  });
}
