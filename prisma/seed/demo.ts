import type { Db } from "@/server/db-client";
import { hashPassword } from "@/server/services/auth/password";
import { rebuildResumeSearch } from "@/server/services/resume-database/resume-search-index";
import { rebuildVacancySearch } from "@/server/services/search/search-index";

import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from "./demo-accounts";
import { insertPeople } from "./demo-people";
import { insertReferenceData } from "./demo-reference";
import { insertDemoVacancies } from "./demo-vacancies";
import { createRng } from "./random";

export { DEMO_PASSWORD };

export interface SeedDemoResult {
  seeded: boolean;
  accounts: DemoAccount[];
}

// Any constant works; it only has to differ from other advisory locks the app takes.
const SEED_LOCK_KEY = 7_340_001;
const RNG_SEED = 20_260_101;

/**
 * Fills an empty database with reference data (regions, cities, specializations, legal
 * documents) and a believable demo: organisations, a few hundred vacancies and one account
 * per role. Does nothing when regions already exist, so it is safe to run on every start.
 */
export async function seedDemo(db: Db, options: { log?: (line: string) => void; now?: Date } = {}): Promise<SeedDemoResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const accounts = demoAccounts();

  if ((await db.region.count()) > 0) {
    log("demo data already present, nothing to do");
    return { seeded: false, accounts };
  }

  // Argon2 is deliberately slow: hash before the transaction opens so it holds locks briefly.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const started = Date.now();

  const counts = await db.$transaction(
    async (tx) => {
      // Two seeders started together (e.g. two app instances) must not both insert.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
      if ((await tx.region.count()) > 0) return null;

      const ref = await insertReferenceData(tx, now);
      const people = await insertPeople(tx, ref, now, passwordHash);
      const vacancies = await insertDemoVacancies(tx, ref, people.organizations, createRng(RNG_SEED), now);
      await rebuildVacancySearch(tx);
      await rebuildResumeSearch(tx);
      return {
        regions: ref.regionIdBySlug.size,
        cities: ref.cityIdBySlug.size,
        specializations: ref.specializationIdBySlug.size,
        organizations: people.organizations.length,
        users: people.userIdByEmail.size,
        vacancies,
      };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  if (!counts) {
    log("demo data was inserted by another process, nothing to do");
    return { seeded: false, accounts };
  }
  log(
    `seeded ${counts.regions} regions, ${counts.cities} cities, ${counts.specializations} specializations, ` +
      `2 legal documents, ${counts.organizations} organizations, ${counts.users} users, ${counts.vacancies} vacancies ` +
      `in ${Date.now() - started} ms`,
  );
  return { seeded: true, accounts };
}
