import { expect, it, vi } from "vitest";

it("finds the pool under a client made by another copy of the module, as a route's bundle may hold", async () => {
  const first = await import("./db-client");
  vi.resetModules();
  const second = await import("./db-client");
  expect(second.poolOf).not.toBe(first.poolOf);
  const client = first.createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    const { rows } = await second.poolOf(client).query<{ one: number }>("SELECT 1 AS one");
    expect(rows).toEqual([{ one: 1 }]);
    expect(() => second.poolOf({} as typeof client)).toThrow("not a client of createPrismaClient");
  } finally {
    await client.$disconnect();
  }
});
