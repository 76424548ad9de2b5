import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { compareSchemas, expectedSchema, loadDatamodel, readDatabaseSchema, type SchemaShape } from "./schema-drift";

// The database under test is this file's copy of the template that the global setup migrated
// with prisma/migrations, so a difference here is a difference between those migrations and
// schema.prisma.

const schemaFile = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

let client: pg.Client;
let expected: SchemaShape;
let actual: SchemaShape;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  expected = expectedSchema(await loadDatamodel(await readFile(schemaFile, "utf8")));
  actual = await readDatabaseSchema(client);
});

afterAll(async () => {
  await client?.end();
});

describe("migrations against prisma/schema.prisma", () => {
  it("build exactly the database the schema describes", () => {
    const differences = compareSchemas(expected, actual);
    if (differences.length > 0) {
      expect.fail(
        `The migrated database differs from prisma/schema.prisma in ${differences.length} place(s):\n` +
          differences.map((line) => `  - ${line}`).join("\n") +
          "\nWrite a new migration (or fix an unapplied one) so that both agree.",
      );
    }
    // Guards against a comparison that passes because it read nothing.
    expect(Object.keys(actual.tables)).toContain("vacancies");
    expect(Object.keys(actual.enums)).toContain("Locale");
  });

  it("install pg_trgm and btree_gin for search", async () => {
    const { rows } = await client.query("SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'btree_gin') ORDER BY 1");
    expect(rows.map((r: { extname: string }) => r.extname)).toEqual(["btree_gin", "pg_trgm"]);
  });

  it("create the search tables that schema.prisma cannot describe, with their indexes", () => {
    expect(actual.tables.vacancy_search?.columns.search_vector?.type).toBe("tsvector");
    expect(Object.keys(actual.tables.vacancy_search?.indexes ?? {}).sort()).toEqual([
      "vacancy_search_city_newest_idx",
      "vacancy_search_match_idx",
      "vacancy_search_newest_idx",
      "vacancy_search_organization_idx",
      "vacancy_search_premium_idx",
      "vacancy_search_priority_idx",
      "vacancy_search_salary_idx",
      "vacancy_search_sitemap_idx",
    ]);
    expect(actual.tables.vacancy_search?.indexes.vacancy_search_match_idx?.method).toBe("gin");
    expect(actual.tables.vacancy_search?.foreignKeys.vacancy_search_vacancy_id_fkey?.onDelete).toBe("CASCADE");
    expect(Object.keys(actual.tables.vacancy_salary_order?.indexes ?? {}).sort()).toEqual([
      "vacancy_salary_order_row_idx",
      "vacancy_salary_order_walk_idx",
    ]);
    expect(actual.tables.search_terms?.indexes.search_terms_word_trgm_idx?.method).toBe("gist");
    expect(actual.tables.resume_search?.columns.search_vector?.type).toBe("tsvector");
    expect(Object.keys(actual.tables.resume_search?.indexes ?? {}).sort()).toEqual([
      "resume_search_city_newest_idx",
      "resume_search_match_idx",
      "resume_search_newest_idx",
      "resume_search_next_year_idx",
      "resume_search_region_newest_idx",
      "resume_search_user_idx",
    ]);
    expect(actual.tables.resume_search?.indexes.resume_search_match_idx?.method).toBe("gin");
    expect(actual.tables.resume_search?.foreignKeys.resume_search_resume_id_fkey?.onDelete).toBe("CASCADE");
    expect(actual.tables.search_lexemes?.columns.word?.type).toBe("text");
    expect(Object.keys(actual.tables.search_lexemes?.indexes ?? {})).toEqual(["search_lexemes_prefix_idx"]);
  });
});

describe("partial unique indexes written in SQL only", () => {
  it("are expected with their predicates, and a changed predicate is a difference", async () => {
    expect(expected.tables.orders?.indexes.orders_one_cart_per_organization_key).toEqual({
      unique: true,
      columns: ["organization_id"],
      method: "btree",
      predicate: `(status = 'CART'::"OrderStatus")`,
    });
    await client.query("BEGIN");
    try {
      await client.query(`
        DROP INDEX orders_one_cart_per_organization_key;
        CREATE UNIQUE INDEX orders_one_cart_per_organization_key ON orders (organization_id) WHERE status <> 'CART';
        DROP INDEX ledger_entries_top_up_payment_key;
      `);
      expect(compareSchemas(expected, await readDatabaseSchema(client))).toEqual([
        `orders: index orders_one_cart_per_organization_key is unique (organization_id) WHERE (status = 'CART'::"OrderStatus") in schema, ` +
          `unique (organization_id) WHERE (status <> 'CART'::"OrderStatus") in database`,
        `ledger_entries: index ledger_entries_top_up_payment_key unique (payment_id) WHERE (kind = 'TOP_UP'::"LedgerEntryKind") missing in database`,
      ]);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});

// These start from the migrated database's own shape rather than from schema.prisma, so that
// a real drift fails the test above alone, with its own message.
describe("compareSchemas", () => {
  it("finds nothing when both sides agree", () => {
    expect(compareSchemas(expected, structuredClone(expected))).toEqual([]);
    expect(compareSchemas(actual, structuredClone(actual))).toEqual([]);
  });

  it("reports every difference from a deliberately altered expectation", () => {
    const altered = structuredClone(actual);
    const vacancies = altered.tables.vacancies!;
    vacancies.columns.address = { type: "varchar(300)", nullable: false, default: null };
    vacancies.columns.salary_from!.type = "bigint";
    vacancies.columns.language!.default = "'kk'";
    delete vacancies.indexes.vacancies_status_published_at_idx;
    vacancies.foreignKeys.vacancies_city_id_fkey!.onDelete = "CASCADE";
    altered.enums.Locale!.push("en");
    delete altered.enums.EmailStatus;
    altered.tables.users!.columns.nickname = { type: "varchar(40)", nullable: true, default: null };
    altered.tables.credentials!.primaryKey = { name: "credentials_pkey", columns: ["user_id", "password_hash"] };
    delete altered.tables.audit_log;

    expect(compareSchemas(altered, actual)).toEqual([
      "enum Locale is (ru, kk, en) in schema, (ru, kk) in database",
      "enum EmailStatus (QUEUED, CAPTURED, SENT, FAILED) in database, not in schema",
      "credentials: primary key credentials_pkey (user_id, password_hash) in schema, credentials_pkey (user_id) in database",
      "users.nickname: missing in database",
      "vacancies.language: default 'kk' in schema, 'ru' in database",
      "vacancies.address: type varchar(300) in schema, varchar(255) in database",
      "vacancies.address: NOT NULL in schema, nullable in database",
      "vacancies.salary_from: type bigint in schema, integer in database",
      "vacancies: index vacancies_status_published_at_idx (status, published_at DESC) in database, not in schema",
      "vacancies: foreign key vacancies_city_id_fkey is (city_id) REFERENCES cities (id) ON DELETE CASCADE ON UPDATE CASCADE in schema, " +
        "(city_id) REFERENCES cities (id) ON DELETE RESTRICT ON UPDATE CASCADE in database",
      "table audit_log: in database, not in schema",
    ]);
  });

  it("reports changes made to the database itself", async () => {
    // DDL is transactional in PostgreSQL: the changes are read, then rolled back.
    await client.query("BEGIN");
    try {
      await client.query(`
        ALTER TABLE vacancies ALTER COLUMN salary_from TYPE bigint, ALTER COLUMN address SET NOT NULL;
        DROP INDEX vacancies_status_published_at_idx;
        CREATE INDEX vacancies_status_published_at_idx ON vacancies (status, published_at);
        CREATE UNIQUE INDEX vacancies_slug_key ON vacancies (slug);
        ALTER TYPE "Locale" ADD VALUE 'en';
        ALTER TABLE users ADD COLUMN nickname VARCHAR(40);
        ALTER TABLE sessions ALTER COLUMN id DROP DEFAULT;
        ALTER TABLE email_messages ALTER COLUMN headers SET DEFAULT '[]';
        ALTER TABLE resumes ALTER COLUMN skills SET NOT NULL;
        ALTER TABLE tickets DROP CONSTRAINT tickets_vacancy_id_fkey,
          ADD CONSTRAINT tickets_vacancy_id_fkey FOREIGN KEY (vacancy_id) REFERENCES vacancies (id) ON DELETE CASCADE;
        DROP TABLE rate_limits;
        CREATE TABLE stray (id INTEGER);
      `);
      const changed = await readDatabaseSchema(client);

      expect(compareSchemas(actual, changed)).toEqual([
        "enum Locale is (ru, kk) in schema, (ru, kk, en) in database",
        "email_messages.headers: default '{}' in schema, '[]' in database",
        "table rate_limits: missing in database",
        "resumes.skills: nullable in schema, NOT NULL in database",
        "sessions.id: default gen_random_uuid() in schema, none in database",
        "tickets: foreign key tickets_vacancy_id_fkey is (vacancy_id) REFERENCES vacancies (id) ON DELETE SET NULL ON UPDATE CASCADE in schema, " +
          "(vacancy_id) REFERENCES vacancies (id) ON DELETE CASCADE ON UPDATE NO ACTION in database",
        "users.nickname: in database, not in schema",
        "vacancies.address: nullable in schema, NOT NULL in database",
        "vacancies.salary_from: type integer in schema, bigint in database",
        "vacancies: index vacancies_status_published_at_idx is (status, published_at DESC) in schema, (status, published_at) in database",
        "vacancies: index vacancies_slug_key unique (slug) in database, not in schema",
        "table stray: in database, not in schema",
      ]);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});

describe("expectedSchema", () => {
  it("follows Prisma Migrate's rules for PostgreSQL", async () => {
    const datamodel = await loadDatamodel(`
      datasource db {
        provider = "postgresql"
      }
      enum Mood {
        HAPPY @map("happy")
        SAD
        @@map("moods")
      }
      model Parent {
        id   String  @id @default(uuid()) @db.Uuid
        kids Child[]
        @@map("parents")
      }
      model Child {
        id       Int      @id(map: "child_pk") @default(autoincrement())
        parentId String?  @map("parent_id") @db.Uuid
        ownerId  String   @map("owner_id") @db.Uuid
        tags     String[] @default(["a", "b"])
        moods    Mood[]
        mood     Mood     @default(HAPPY)
        score    Decimal  @default(1.5)
        seenAt   DateTime @map("seen_at")
        parent   Parent?  @relation(fields: [parentId], references: [id])
        @@unique([ownerId, mood], map: "child_owner_mood")
        @@index([tags], type: Gin)
        @@index([seenAt(sort: Desc), score])
      }
    `);
    const child = expectedSchema(datamodel).tables.Child!;

    expect(expectedSchema(datamodel).enums).toEqual({ moods: ["happy", "SAD"] });
    expect(expectedSchema(datamodel).tables.parents!.columns.id).toEqual({ type: "uuid", nullable: false, default: null });
    expect(child.columns).toMatchObject({
      id: { type: "integer", nullable: false, default: "autoincrement()" },
      parent_id: { type: "uuid", nullable: true, default: null },
      tags: { type: "text[]", nullable: true, default: "ARRAY['a', 'b']" },
      moods: { type: "moods[]", nullable: true, default: null },
      mood: { type: "moods", nullable: false, default: "'happy'" },
      score: { type: "numeric(65,30)", nullable: false, default: "1.5" },
      seen_at: { type: "timestamp(3)", nullable: false, default: null },
    });
    expect(child.primaryKey).toEqual({ name: "child_pk", columns: ["id"] });
    expect(child.indexes).toEqual({
      child_owner_mood: { unique: true, columns: ["owner_id", "mood"], method: "btree", predicate: null },
      Child_tags_idx: { unique: false, columns: ["tags"], method: "gin", predicate: null },
      Child_seen_at_score_idx: { unique: false, columns: ["seen_at DESC", "score"], method: "btree", predicate: null },
    });
    expect(child.foreignKeys).toEqual({
      Child_parent_id_fkey: {
        columns: ["parent_id"],
        referencedTable: "parents",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "CASCADE",
      },
    });
  });
});
