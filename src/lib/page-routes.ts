import { parseIdSlug } from "./urls";

/**
 * Every address a page (or a metadata image) answers under a locale, as its folder path in
 * src/app/[locale] (page-routes.test.ts compares the two). The proxy answers anything else with
 * the 404 page rendered on the server: Next's own answer for an address no page matches, or for a
 * page that calls notFound(), is an empty shell that only the browser fills in.
 */
export const PAGE_ROUTES = [
  "",
  "opengraph-image",
  "account",
  "account/confirm-email",
  "account/data",
  "account/profile",
  "account/security",
  "admin",
  "admin/appeals",
  "admin/audit",
  "admin/blocks",
  "admin/deletions",
  "admin/emails",
  "admin/emails/[id]",
  "admin/finance",
  "admin/finance/orders/[orderId]",
  "admin/finance/organizations/[orgId]",
  "admin/finance/payments",
  "admin/finance/revenue",
  "admin/finance/tariffs",
  "admin/metrics",
  "admin/legal",
  "admin/legal/[id]",
  "admin/legal/[id]/edit",
  "admin/legal/diff",
  "admin/moderation",
  "admin/organization-texts",
  "admin/organizations",
  "admin/resumes",
  "admin/staff",
  "admin/tickets",
  "admin/tickets/[id]",
  "admin/words",
  "appeal",
  "auth/code",
  "auth/second-factor",
  "auth/second-factor/enrol",
  "auth/sign-in",
  "auth/sign-up",
  "auth/verify-email",
  "company/[idSlug]",
  "company/[idSlug]/opengraph-image",
  "dev/checkout/[orderId]",
  "dev/outbox",
  "dev/outbox/[id]",
  "employer",
  "employer/new",
  "employer/[orgId]",
  "employer/[orgId]/applications",
  "employer/[orgId]/applications/templates",
  "employer/[orgId]/applications/[applicationId]",
  "employer/[orgId]/billing",
  "employer/[orgId]/billing/ledger",
  "employer/[orgId]/billing/orders",
  "employer/[orgId]/billing/orders/[orderId]",
  "employer/[orgId]/billing/pay/[orderId]",
  "employer/[orgId]/groups",
  "employer/[orgId]/groups/new",
  "employer/[orgId]/groups/[groupId]",
  "employer/[orgId]/members",
  "employer/[orgId]/resumes",
  "employer/[orgId]/resumes/openings",
  "employer/[orgId]/resumes/[resumeId]",
  "employer/[orgId]/resumes/saved",
  "employer/[orgId]/trainees",
  "employer/[orgId]/trainees/import",
  "employer/[orgId]/trainees/new",
  "employer/[orgId]/trainees/[traineeId]",
  "employer/[orgId]/trainees/[traineeId]/edit",
  "employer/[orgId]/vacancies",
  "employer/[orgId]/vacancies/new",
  "employer/[orgId]/vacancies/[vacancyId]",
  "employer/[orgId]/vacancies/[vacancyId]/stats",
  "feedback",
  "graduate/[token]",
  "invitations/accept",
  "jobs/[city]",
  "jobs/[city]/opengraph-image",
  "jobs/[city]/[specialization]",
  "jobs/[city]/[specialization]/opengraph-image",
  "legal/accept",
  "legal/diff",
  "prices",
  "privacy",
  "saved",
  "school/[idSlug]",
  "school/[idSlug]/opengraph-image",
  "schools",
  "schools/[city]",
  "schools/[city]/[category]",
  "seeker/applications",
  "seeker/resumes",
  "seeker/resumes/new",
  "seeker/resumes/views",
  "seeker/resumes/[resumeId]",
  "seeker/resumes/[resumeId]/edit",
  "seeker/subscriptions",
  "terms",
  "unsubscribe",
  "unsubscribe/resume-search",
  "vacancies",
  "vacancies/opengraph-image",
  "vacancy/[idSlug]",
  "vacancy/[idSlug]/apply",
  "vacancy/[idSlug]/complaint",
  "vacancy/[idSlug]/opengraph-image",
] as const;

export type PageRoute = (typeof PAGE_ROUTES)[number];

const NUMBER = /^[1-9]\d{0,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a dynamic segment may hold; an address with anything else names no page. */
function acceptsParam(route: readonly string[], index: number, value: string): boolean {
  const name = route[index];
  switch (name) {
    case "[idSlug]":
      return parseIdSlug(value) !== null;
    case "[city]":
    case "[specialization]":
    case "[category]":
      return SLUG.test(value);
    // The seeker names their own resume by number, an organisation by its public id.
    case "[resumeId]":
      return route[0] === "employer" ? UUID.test(value) : NUMBER.test(value) && Number(value) <= 2_147_483_647;
    // A graduate's invitation link: the token's base64url text.
    case "[token]":
      return /^[A-Za-z0-9_-]{20,200}$/.test(value);
    default:
      return NUMBER.test(value) && Number(value) <= 2_147_483_647;
  }
}

const SPLIT = PAGE_ROUTES.map((route) => ({ route, parts: route === "" ? [] : route.split("/") }));

/** The route a path below the locale names (segments already decoded), or null. */
export function matchPageRoute(segments: readonly string[]): { route: PageRoute; params: Record<string, string> } | null {
  // Static segments win over dynamic ones, as in Next's router ("vacancies/new" is not an id).
  let best: { route: PageRoute; params: Record<string, string>; dynamic: number } | null = null;
  for (const { route, parts } of SPLIT) {
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let dynamic = 0;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i]!;
      const value = segments[i]!;
      if (part.startsWith("[")) {
        ok = acceptsParam(parts, i, value);
        params[part.slice(1, -1)] = value;
        dynamic++;
      } else ok = part === value;
    }
    if (ok && (!best || dynamic < best.dynamic)) best = { route, params, dynamic };
  }
  return best ? { route: best.route, params: best.params } : null;
}
