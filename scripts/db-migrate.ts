// `npm run db:migrate`: applies prisma/migrations to the database named by DATABASE_URL.
import { applyMigrations, MigrationError } from "../src/server/db/migrator";

async function main(): Promise<number> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the PostgreSQL database to migrate.");
    return 1;
  }

  try {
    const { applied, alreadyApplied } = await applyMigrations(connectionString, {
      log: (line) => console.log(line),
    });
    const summary =
      applied.length === 0
        ? `No pending migrations; ${alreadyApplied} already applied.`
        : `${applied.length} migration(s) applied; ${alreadyApplied} were already applied.`;
    console.log(summary);
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(error.message);
      return 1;
    }
    console.error("Migration run failed:", error instanceof Error ? error.message : error);
    return 1;
  }
}

process.exitCode = await main();
