import { db } from "@/server/db";
import { feedbackSchema, type FeedbackInput } from "@/lib/validation/feedback";

import { consumeLimit } from "../auth/rate-limit";

/** A feedback ticket from anyone (guests included); it lands in the admin queue as NEW. */
export async function createFeedback(raw: FeedbackInput, author: { userId: number | null; ip: string | null }) {
  const input = feedbackSchema.parse(raw);
  if (author.ip) await consumeLimit("feedbackPerIp", author.ip);
  const ticket = await db.ticket.create({
    data: {
      kind: "FEEDBACK",
      authorId: author.userId,
      authorName: input.name,
      authorEmail: input.email,
      locale: input.locale,
      message: input.message,
    },
    select: { id: true, status: true, createdAt: true },
  });
  return ticket;
}
