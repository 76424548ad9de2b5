import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { matchPageRoute, PAGE_ROUTES } from "./page-routes";

// Reached only through the proxy's rewrites (or as the catch-all), never as an address of their own.
const INTERNAL = ["[...rest]", "page-not-found", "vacancy-gone", "vacancy-private", "vacancies/cached"];
const ROOT = fileURLToPath(new URL("../app/[locale]", import.meta.url));

function routesOnDisk(dir: string, prefix: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (INTERNAL.includes([...prefix, entry.name].join("/"))) continue;
      out.push(...routesOnDisk(path.join(dir, entry.name), [...prefix, entry.name]));
    } else if (/^page\.tsx$/.test(entry.name)) out.push(prefix.join("/"));
    // Metadata image files answer at an address of their own.
    else if (/^(opengraph-image|twitter-image|icon|apple-icon)\.tsx?$/.test(entry.name))
      out.push([...prefix, entry.name.replace(/\..*$/, "")].join("/"));
  }
  return out;
}

const split = (p: string) => (p === "" ? [] : p.split("/"));

describe("PAGE_ROUTES", () => {
  it("names every page and metadata image under a locale, and nothing else", () => {
    expect([...PAGE_ROUTES].sort()).toEqual(routesOnDisk(ROOT).sort());
  });

  it.each([
    ["", ""],
    ["vacancies", "vacancies"],
    ["vacancy/12-voditel", "vacancy/[idSlug]"],
    ["vacancy/12", "vacancy/[idSlug]"],
    ["vacancy/12-voditel/apply", "vacancy/[idSlug]/apply"],
    ["employer/3/vacancies/new", "employer/[orgId]/vacancies/new"],
    ["employer/3/vacancies/41", "employer/[orgId]/vacancies/[vacancyId]"],
    ["employer/3/resumes/0b8a2f9e-5d0c-4a47-9d0e-2b8f3c1a7e55", "employer/[orgId]/resumes/[resumeId]"],
    ["employer/3/resumes/saved", "employer/[orgId]/resumes/saved"],
    ["unsubscribe/resume-search", "unsubscribe/resume-search"],
    ["seeker/resumes/7/edit", "seeker/resumes/[resumeId]/edit"],
    ["jobs/almaty/voditel", "jobs/[city]/[specialization]"],
    ["jobs/almaty/opengraph-image", "jobs/[city]/opengraph-image"],
    ["schools", "schools"],
    ["schools/almaty", "schools/[city]"],
    ["schools/almaty/c1e", "schools/[city]/[category]"],
    ["school/5-zhol", "school/[idSlug]"],
    ["admin", "admin"],
  ])("%s is the page %s", (address, route) => {
    expect(matchPageRoute(split(address))?.route).toBe(route);
  });

  it.each([
    "seeker/xyz",
    "seeker",
    "employer/new/members",
    "employer/0",
    "employer/abc/vacancies",
    "employer/99999999999/vacancies",
    "employer/3/vacancies/new/stats",
    "employer/3/resumes/17",
    "seeker/resumes/0b8a2f9e-5d0c-4a47-9d0e-2b8f3c1a7e55",
    "seeker/resumes/-1",
    "vacancy/abc",
    "vacancy/0-x",
    "jobs/Almaty",
    "jobs/almaty/voditel/extra",
    "schools/almaty/C",
    "schools/almaty/c/extra",
    "dev/outbox/01",
  ])("%s names no page", (address) => {
    expect(matchPageRoute(split(address))).toBeNull();
  });
});
