// `npm run db:seed`: fills the database named by DATABASE_URL with the demo data set.
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

import { createPrismaClient } from "@/server/db-client";

import { seedDemo } from "./demo";

// The billing services that buy the demo credits are server code: resolve the `server-only`
// marker to its empty build, as Next does, before they are imported.
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(
      pathToFileURL(fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url))).href,
    )}, shortCircuit: true } : n(s, c); }`,
  )}`,
);

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
    // The services read the app's configuration; this process signs nothing with the secret.
    process.env.AUTH_SECRET ??= randomBytes(36).toString("base64url");
    const [{ seedDemoCredits }, { seedDemoSchool }, app] = await Promise.all([
      import("./demo-billing"),
      import("./demo-school"),
      import("@/server/db"),
    ]);
    await seedDemoCredits(db, { log: (line) => console.log(line) })
      .then(() => seedDemoSchool(db, { log: (line) => console.log(line) }))
      .finally(() => app.db.$disconnect());
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
