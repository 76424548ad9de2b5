import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { PERIODS, searchParamsToQuery, type Period } from "@/lib/search/params";
import { paramsFromCriteria } from "@/lib/search/subscription-criteria";
import { absoluteUrl, SEARCH_PATH, vacancyPath } from "@/lib/urls";

import { createUnsubscribeToken } from "./unsubscribe-token";

const DAY_MS = 86_400_000;

/** The seeker cabinet's list of subscriptions. */
export const SUBSCRIPTIONS_PATH = "/seeker/subscriptions";
export const UNSUBSCRIBE_PAGE_PATH = "/unsubscribe";
export const UNSUBSCRIBE_API_PATH = "/api/unsubscribe";

const base = (appUrl: string) => appUrl.replace(/\/+$/, "");

export const vacancyUrl = (appUrl: string, locale: AppLocale, id: number, slug: string) =>
  absoluteUrl(appUrl, locale, vacancyPath(id, slug));

export const subscriptionsUrl = (appUrl: string, locale: AppLocale) => absoluteUrl(appUrl, locale, SUBSCRIPTIONS_PATH);

/**
 * The search page's period that shows a digest group's vacancies: the search page has no "since"
 * filter, only "published in the last N days" counted from when the page is opened, so this is
 * the shortest period that still covers the group's window when the email is opened up to a day
 * after it was sent (newest first, so the digest's vacancies come first). Null when no period is
 * long enough: then the link is the plain search.
 */
export function digestPeriod(since: Date, cutoff: Date): Period | null {
  const days = (cutoff.getTime() - since.getTime()) / DAY_MS + 1;
  return PERIODS.find((p) => p >= days) ?? null;
}

/** "See all" of a subscription's group: the search page with its criteria, newest first, over `period` (digestPeriod). */
export function seeAllUrl(appUrl: string, locale: AppLocale, criteriaQuery: string, period: Period | null): string {
  const params = paramsFromCriteria({ query: criteriaQuery });
  const query = searchParamsToQuery({ ...params, period, sort: "date" });
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
 * mailbox that handles such requests (it knows the seeker by the sender's address).
 */
export function unsubscribeLinks(appUrl: string, locale: AppLocale, userId: number, issuedAt: Date): UnsubscribeLinks {
  const token = encodeURIComponent(createUnsubscribeToken(userId, issuedAt));
  const oneClick = `${base(appUrl)}${UNSUBSCRIBE_API_PATH}?token=${token}`;
  const mailto = getEnv().DIGEST_UNSUBSCRIBE_MAILTO;
  const targets = [`<${oneClick}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=unsubscribe>`);
  return {
    page: `${absoluteUrl(appUrl, locale, UNSUBSCRIBE_PAGE_PATH)}?token=${token}`,
    oneClick,
    headers: { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
