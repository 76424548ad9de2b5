import type { DbTx } from "@/server/db-client";

/**
 * Until when the school's monthly plan (SPEC §6, A 4.2.6) is paid, when one covers `now`: the end
 * of the last of its paid periods that run on from now without a gap (activation lays them end to
 * end); null when no paid period covers now.
 */
export async function schoolPlanUntil(client: DbTx, organizationId: number, now: Date = new Date()): Promise<Date | null> {
  const periods = await client.entitlement.findMany({
    where: { organizationId, kind: "SCHOOL_PLAN", forfeitedAt: null, validUntil: { gt: now } },
    orderBy: { validFrom: "asc" },
    select: { validFrom: true, validUntil: true },
  });
  let until: Date | null = null;
  for (const period of periods) {
    const start = until ?? now;
    if (period.validFrom > start) break;
    if (until === null || period.validUntil > until) until = period.validUntil;
  }
  return until;
}
