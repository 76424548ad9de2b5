import { db } from "@/server/db";
import type { EmailStatus } from "@/generated/prisma/enums";

export const EMAIL_PAGE_SIZE = 50;

/** The outbox / delivery log, newest first, optionally for one address or status. */
export async function listEmails(filter: { to?: string; status?: EmailStatus; cursor?: number }) {
  const rows = await db.emailMessage.findMany({
    where: {
      ...(filter.to ? { toAddress: filter.to } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: EMAIL_PAGE_SIZE + 1,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      template: true,
      locale: true,
      status: true,
      transport: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return {
    items: rows.slice(0, EMAIL_PAGE_SIZE),
    nextCursor: rows.length > EMAIL_PAGE_SIZE ? rows[EMAIL_PAGE_SIZE - 1]!.id : null,
  };
}

export function getEmail(id: number) {
  return db.emailMessage.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      toAddress: true,
      fromAddress: true,
      subject: true,
      html: true,
      text: true,
      headers: true,
      template: true,
      locale: true,
      status: true,
      transport: true,
      providerId: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
}
