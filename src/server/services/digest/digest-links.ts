import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { MAX_SINCE_DAYS, searchParamsToQuery } from "@/lib/search/params";
import { paramsFromCriteria } from "@/lib/search/subscription-criteria";
import { absoluteUrl, SEARCH_PATH, vacancyPath } from "@/lib/urls";

import { createUnsubscribeToken, type UnsubscribePurpose } from "./unsubscribe-token";

const DAY_MS = 86_400_000;

/** The seeker cabinet's list of subscriptions. */
export const SUBSCRIPTIONS_PATH = "/seeker/subscriptions";
/** A member's saved resume searches in an organisation. */
export const savedResumeSearchesPath = (organizationId: number) => `/employer/${organizationId}/resumes/saved`;
export const UNSUBSCRIBE_PAGE_PATH = "/unsubscribe";
export const UNSUBSCRIBE_API_PATH = "/api/unsubscribe";
/** The same pair for one saved search of the resume database. */
export const RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH = "/unsubscribe/resume-search";
export const RESUME_SEARCH_UNSUBSCRIBE_API_PATH = "/api/unsubscribe/resume-search";

const UNSUBSCRIBE_PATHS: Record<UnsubscribePurpose, { page: string; api: string }> = {
  digests: { page: UNSUBSCRIBE_PAGE_PATH, api: UNSUBSCRIBE_API_PATH },
  rsearch: { page: RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH, api: RESUME_SEARCH_UNSUBSCRIBE_API_PATH },
};

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export const vacancyUrl = (appUrl: string, locale: AppLocale, id: number, slug: string) =>
  absoluteUrl(appUrl, locale, vacancyPath(id, slug));

export const subscriptionsUrl = (appUrl: string, locale: AppLocale) => absoluteUrl(appUrl, locale, SUBSCRIPTIONS_PATH);

/**
 * "See all" of a subscription's group: the search page with its criteria, newest first, showing
 * what was published after `since` (the start of the group's window), i.e. the digest's vacancies
 * and whatever has been published since the email went out.
 */
export function seeAllUrl(appUrl: string, locale: AppLocale, criteriaQuery: string, since: Date): string {
  const params = paramsFromCriteria({ query: criteriaQuery });
  // The search page accepts a "since" up to MAX_SINCE_DAYS back; a digest window is shorter.
  const bounded = new Date(Math.max(since.getTime(), Date.now() - (MAX_SINCE_DAYS - 1) * DAY_MS));
  const query = searchParamsToQuery({ ...params, since: bounded, sort: "date" });
  return `${absoluteUrl(appUrl, locale, SEARCH_PATH)}${query ? `?${query}` : ""}`;
}

export interface UnsubscribeLinks {
  /** The page with the button (the link shown in the email). */
  page: string;
  /** RFC 8058 one-click endpoint (the List-Unsubscribe header). */
  oneClick: string;
  headers: Record<string, string>;
}

/**
 * The unsubscribe links of one email and its List-Unsubscribe headers (RFC 2369 and RFC 8058):
 * the HTTPS one-click URL, and a mailto: address as well when DIGEST_UNSUBSCRIBE_MAILTO names a
 * mailbox that handles such requests (it knows the seeker by the sender's address). `id` is what
 * the purpose names: the seeker's account for the digests, the saved search for `rsearch`.
 */
export function unsubscribeLinks(
  appUrl: string,
  locale: AppLocale,
  id: number,
  issuedAt: Date,
  purpose: UnsubscribePurpose = "digests",
): UnsubscribeLinks {
  const paths = UNSUBSCRIBE_PATHS[purpose];
  const token = encodeURIComponent(createUnsubscribeToken(id, issuedAt, purpose));
  const oneClick = `${base(appUrl)}${paths.api}?token=${token}`;
  const mailto = getEnv().DIGEST_UNSUBSCRIBE_MAILTO;
  const targets = [`<${oneClick}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  return {
    page: `${absoluteUrl(appUrl, locale, paths.page)}?token=${token}`,
    oneClick,
    headers: { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
