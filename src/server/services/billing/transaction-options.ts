/**
 * Interactive transactions of billing. Money paths lock one account row and wait their turn, so
 * a burst of payments for one organisation queues rather than fails: a longer wait for a
 * connection and a longer run than Prisma's defaults (2 s and 5 s).
 */
export const BILLING_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

/** Jobs working through a backlog in batches. */
export const BILLING_JOB_TRANSACTION = { maxWait: 15_000, timeout: 60_000 } as const;
