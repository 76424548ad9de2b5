import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { PAGE_SECTIONS } from "./page-sections";

// Reached only through the proxy's rewrites, never as an address of their own.
const INTERNAL = ["page-not-found", "vacancy-gone", "vacancy-private"];

describe("PAGE_SECTIONS", () => {
  it("names every page folder under a locale, and nothing else", () => {
    const dir = fileURLToPath(new URL("../app/[locale]", import.meta.url));
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("[") && !INTERNAL.includes(entry.name))
      .map((entry) => entry.name)
      .sort();
    expect([...PAGE_SECTIONS].sort()).toEqual(folders);
  });
});
