import { statSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

import { appDataPaths, storedAuthSecret } from "./app-data";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const made: string[] = [];

afterEach(async () => {
  for (const dir of made.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe("appDataPaths", () => {
  it("keeps everything in the repository's .data without JUMYS_DATA_DIR", () => {
    expect(appDataPaths({}, "/somewhere/else")).toEqual({
      root: path.join(repo, ".data"),
      postgres: path.join(repo, ".data", "postgres"),
      testPostgres: path.join(repo, ".data", "test-postgres"),
      authSecret: path.join(repo, ".data", "auth-secret"),
    });
    expect(appDataPaths({ JUMYS_DATA_DIR: "  " }, "/x").root).toBe(path.join(repo, ".data"));
  });

  it("moves the database and the secret under JUMYS_DATA_DIR, relative paths from the current directory", () => {
    expect(appDataPaths({ JUMYS_DATA_DIR: "/var/lib/jumys" }, "/x")).toEqual({
      root: "/var/lib/jumys",
      postgres: "/var/lib/jumys/postgres",
      testPostgres: "/var/lib/jumys/test-postgres",
      authSecret: "/var/lib/jumys/auth-secret",
    });
    expect(appDataPaths({ JUMYS_DATA_DIR: "state" }, "/srv/app").postgres).toBe("/srv/app/state/postgres");
  });
});

describe("storedAuthSecret", () => {
  it("generates the secret once into JUMYS_DATA_DIR, readable by the owner only, and reuses it", async () => {
    const base = await fs.mkdtemp(path.join(os.tmpdir(), "jumys-data-"));
    made.push(base);
    const paths = appDataPaths({ JUMYS_DATA_DIR: path.join(base, "nested", "data") });

    const first = await storedAuthSecret(paths);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await fs.readFile(path.join(base, "nested", "data", "auth-secret"), "utf8")).trim()).toBe(first);
    expect(statSync(paths.authSecret).mode & 0o777).toBe(0o600);
    expect(await storedAuthSecret(paths)).toBe(first);
  });
});
