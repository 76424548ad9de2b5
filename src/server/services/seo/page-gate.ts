import type { PageRoute } from "@/lib/page-routes";
import { parseIdSlug } from "@/lib/urls";

import { getCatalog } from "../catalog/catalog";
import { publicOrganizationExists } from "../organizations/public-organization";
import { categoryFromSlug } from "../schools/school-directory";
import { getVacancyGate } from "../vacancies/public-vacancy";

/**
 * Whether a public page's subject exists, asked by the proxy before the page renders, so that a
 * company, landing page or vacancy form that does not exist gets the 404 page rendered on the
 * server with status 404 (a page calling notFound() itself only gets Next's empty shell). Each
 * check is the rule the page itself applies: a primary-key read or the in-memory catalogue.
 * Pages behind sign-in are not asked here: who may see them is decided when they render.
 */
export async function publicPageExists(route: PageRoute, params: Record<string, string>): Promise<boolean> {
  switch (route) {
    case "company/[idSlug]":
    case "company/[idSlug]/opengraph-image":
    case "school/[idSlug]":
    case "school/[idSlug]/opengraph-image": {
      const parsed = parseIdSlug(params.idSlug ?? "");
      return parsed !== null && (await publicOrganizationExists(parsed.id, route.startsWith("school") ? "school" : "company"));
    }
    case "jobs/[city]":
    case "jobs/[city]/opengraph-image":
    case "jobs/[city]/[specialization]":
    case "jobs/[city]/[specialization]/opengraph-image": {
      const catalog = await getCatalog();
      if (!catalog.cityBySlug.has(params.city ?? "")) return false;
      return params.specialization === undefined || catalog.specializationBySlug.has(params.specialization);
    }
    case "schools/[city]":
    case "schools/[city]/[category]": {
      const catalog = await getCatalog();
      if (!catalog.cityBySlug.has(params.city ?? "")) return false;
      return params.category === undefined || categoryFromSlug(params.category) !== null;
    }
    case "vacancy/[idSlug]/apply":
    case "vacancy/[idSlug]/complaint":
    case "vacancy/[idSlug]/opengraph-image": {
      const parsed = parseIdSlug(params.idSlug ?? "");
      return parsed !== null && (await getVacancyGate(parsed.id)).state !== "missing";
    }
    default:
      return true;
  }
}
