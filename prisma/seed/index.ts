// `npm run db:seed`: fills the database named by DATABASE_URL with the demo data set.
import { createPrismaClient } from "@/server/db-client";

import { seedDemo } from "./demo";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set: point it at a migrated database, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/jumys",
    );
    return 1;
  }
  const db = createPrismaClient(url, { max: 2 });
  try {
    const result = await seedDemo(db, { log: (line) => console.log(line) });
    console.log(result.seeded ? "Demo data is ready. Accounts:" : "Accounts:");
    for (const a of result.accounts) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(24)} ${a.password}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("seeding failed, nothing was written:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
