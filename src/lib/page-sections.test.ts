import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { PAGE_SECTIONS } from "./page-sections";

// Reached only through the proxy's rewrites, never as an address of their own.
const INTERNAL = ["page-not-found", "vacancy-gone", "vacancy-private"];

describe("PAGE_SECTIONS", () => {
  it("names every page folder and metadata route under a locale, and nothing else", () => {
    const dir = fileURLToPath(new URL("../app/[locale]", import.meta.url));
    const entries = readdirSync(dir, { withFileTypes: true });
    const folders = entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("[") && !INTERNAL.includes(entry.name))
      .map((entry) => entry.name);
    // Metadata route files answer at an address of their own too.
    const metadataRoutes = entries
      .filter((entry) => entry.isFile() && /^(opengraph-image|twitter-image|icon|apple-icon)\./.test(entry.name))
      .map((entry) => entry.name.replace(/\..*$/, ""));
    expect([...PAGE_SECTIONS].sort()).toEqual([...folders, ...metadataRoutes].sort());
  });
});
