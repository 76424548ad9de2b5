import { afterAll, inject } from "vitest";

import { createDatabase, databaseUrl, uniqueDatabaseName } from "./global-setup";

// Runs before each integration test file is imported: gives the file its own copy of the
// migrated template, so files can run in parallel and change data freely. DATABASE_URL is set
// before the test file (and any application module reading it at import time) is loaded.
// The copy is dropped by the global teardown, after every connection to it is gone.

const { adminUrl, template } = inject("integrationDatabase");
const database = uniqueDatabaseName(template);

await createDatabase(adminUrl, database, template);
process.env.DATABASE_URL = databaseUrl(adminUrl, database);

afterAll(async () => {
  // Imported here rather than at the top so that nothing from the application is loaded
  // before DATABASE_URL points at this file's database.
  const { closeTestDb } = await import("./database");
  await closeTestDb();
});
