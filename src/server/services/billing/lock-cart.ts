import type { DbTx } from "@/server/db-client";

/**
 * Locks the organisation's cart for the rest of the transaction and returns its id; with `create`,
 * makes an empty one first if there is none. Concurrent creators meet at the one-cart-per-
 * organisation index: one inserts, the others find its row.
 */
export async function lockCart(
  tx: DbTx,
  organizationId: number,
  options: { create: false } | { create: true; createdById: number | null },
): Promise<number | null> {
  if (options.create) {
    await tx.$executeRaw`
      INSERT INTO orders (organization_id, created_by_id) VALUES (${organizationId}, ${options.createdById})
      ON CONFLICT (organization_id) WHERE status = 'CART' DO NOTHING`;
  }
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM orders WHERE organization_id = ${organizationId} AND status = 'CART' FOR UPDATE`;
  return rows[0]?.id ?? null;
}
