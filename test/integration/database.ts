import { createPrismaClient, type Db } from "@/server/db-client";

let client: Db | undefined;

/** A Prisma client for this test file's database (process.env.DATABASE_URL), created on first use. */
export function testDb(): Db {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: is test/integration/setup-database.ts in setupFiles?");
    client = createPrismaClient(url, { max: 4 });
  }
  return client;
}

/** Closes the client from testDb(); the setup file calls it after the file's tests. */
export async function closeTestDb(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.$disconnect();
}
