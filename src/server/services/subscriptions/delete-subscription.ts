import { subscriptionIdInput } from "@/lib/validation/subscriptions";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** Deletes a subscription of this seeker; someone else's id is simply not found. */
export async function deleteSubscription(userId: number, raw: unknown): Promise<{ deleted: true }> {
  const { id } = subscriptionIdInput.parse(raw);
  const { count } = await db.subscription.deleteMany({ where: { id, userId } });
  if (count === 0) throw new DomainError("NOT_FOUND", "errors.subscriptions.notFound");
  return { deleted: true };
}
