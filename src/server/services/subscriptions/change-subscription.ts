import { setSubscriptionPausedSchema, updateSubscriptionSchema } from "@/lib/validation/subscriptions";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

const notFound = () => new DomainError("NOT_FOUND", "errors.subscriptions.notFound");

/** Renames a subscription or changes how often it is sent; only its owner may. */
export async function updateSubscription(userId: number, raw: unknown) {
  const input = updateSubscriptionSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const own = await tx.subscription.findFirst({ where: { id: input.id, userId }, select: { id: true } });
    if (!own) throw notFound();
    return tx.subscription.update({
      where: { id: own.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
      },
      select: { id: true, name: true, frequency: true, pausedAt: true },
    });
  });
}

/** Pauses or resumes a subscription; doing it twice keeps the first pause's time. */
export async function setSubscriptionPaused(userId: number, raw: unknown, now = new Date()) {
  const input = setSubscriptionPausedSchema.parse(raw);
  await db.subscription.updateMany({
    where: { id: input.id, userId, pausedAt: input.paused ? null : { not: null } },
    data: { pausedAt: input.paused ? now : null },
  });
  const row = await db.subscription.findFirst({ where: { id: input.id, userId }, select: { id: true, pausedAt: true } });
  if (!row) throw notFound();
  return row;
}
