import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";

import { isLocale, routing } from "./i18n/routing";
import { matchPageRoute } from "./lib/page-routes";
import { contentSecurityPolicy, hostsPaymentWidget, STRICT_TRANSPORT_SECURITY, takesNonce } from "./lib/security-headers";
import { parseIdSlug, vacancyPath } from "./lib/urls";
import { cacheableSearchQuery } from "./app/[locale]/vacancies/search-request";
import { cachedSearchPagePath } from "./server/services/search/search-page-cache";
import { publicPageExists } from "./server/services/seo/page-gate";
import { getVacancyGate } from "./server/services/vacancies/public-vacancy";
import { recordVacancyView } from "./server/services/vacancies/view-counter";

// Locale negotiation and the locale prefix, plus the one decision a cached page cannot make:
// the HTTP status of a vacancy URL. The vacancy page itself is rendered once and cached, so the
// current state of the vacancy is checked here on every request (one primary-key read):
// a wrong slug gets a 301 to the current URL, a vacancy that is gone gets its 410 page, a closed
// one goes to the page that checks who is asking. Authorization of everything else happens on
// the server per request.
const intl = createMiddleware(routing);

const VACANCY = /^\/([a-z]{2})\/vacancy\/([^/]+)\/?$/;
// Internal pages reached only by the rewrites below; requested directly they do not exist.
const INTERNAL = /^\/[a-z]{2}\/(vacancy-gone|vacancy-private|page-not-found|vacancies\/cached)(\/|$)/;
const LOCALE_PAGE = /^\/(ru|kk)(?:\/(.*))?$/;

export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path that is not valid percent-encoding names nothing; Next itself would fail on it with 500.
  if (!isDecodable(pathname)) return badRequest();
  // Everything else outside the pages (files, API routes) passes through untouched.
  if (!PAGES.test(pathname)) return withTransportSecurity(NextResponse.next());

  // Pages rendered per request get a fresh nonce, which Next reads from the request's policy and
  // puts on its scripts; the browser gets the same policy with the response.
  const nonce = takesNonce(pathname) && (request.method === "GET" || request.method === "HEAD") ? newNonce() : null;
  const policy = contentSecurityPolicy({
    nonce,
    https: (process.env.APP_URL ?? "").startsWith("https://"),
    dev: process.env.NODE_ENV !== "production",
    paymentWidget: nonce !== null && hostsPaymentWidget(pathname),
  });
  let forwarded = request;
  if (nonce) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    // Where a guest is sent back after signing in (read by requireUser); never the client's own.
    headers.set("x-jumys-path", `${pathname.replace(/^\/(ru|kk)(?=\/|$)/, "") || "/"}${request.nextUrl.search}`);
    forwarded = new NextRequest(request.url, { headers, method: request.method });
  }
  const response = await route(forwarded);
  response.headers.set("Content-Security-Policy", policy);
  // The bare "/" goes to the language of Accept-Language: caches must keep one answer per language.
  if (pathname === "/") response.headers.set("Vary", "Accept-Language");
  return withTransportSecurity(response);
}

/** HSTS when the site is served over https (decided at run time: the build knows no APP_URL). */
function withTransportSecurity(response: NextResponse): NextResponse {
  if ((process.env.APP_URL ?? "").startsWith("https://"))
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (INTERNAL.test(pathname)) return notFoundPage(request, routing.defaultLocale);
  // A first segment no page has: the 404 page, rendered on the server in the address's language.
  // An address no page has, or a public page whose subject does not exist: the 404 page,
  // rendered on the server in the address's language.
  const page = LOCALE_PAGE.exec(pathname);
  if (page?.[1]) {
    const segments = (page[2] ?? "").split("/").filter(Boolean).map(safeDecode);
    const matched = matchPageRoute(segments);
    if (!matched) return notFoundPage(request, page[1]);
    if (matched.route !== "vacancy/[idSlug]" && !(await publicPageExists(matched.route, matched.params)))
      return notFoundPage(request, page[1]);
    // A search in canonical form: its page comes from the page cache (search-page-cache.ts).
    if (matched.route === "vacancies" && isLocale(page[1]) && (request.method === "GET" || request.method === "HEAD")) {
      const query = cacheableSearchQuery(request.nextUrl.searchParams);
      const cached = query === null ? null : cachedSearchPagePath(page[1], query);
      if (cached !== null) return NextResponse.rewrite(new URL(cached, request.url));
    }
  }

  const match = VACANCY.exec(pathname);
  const locale = match?.[1];
  const idSlug = match?.[2] ? parseIdSlug(match[2]) : null;
  if (!locale || !isLocale(locale) || !idSlug) return intl(request);

  const gate = await getVacancyGate(idSlug.id);
  if (gate.state === "missing") return notFoundPage(request, locale);
  if (gate.state === "gone") {
    const url = new URL(`/${locale}/vacancy-gone/${idSlug.id}`, request.url);
    return NextResponse.rewrite(url, { status: 410 });
  }
  if (gate.slug !== idSlug.slug || pathname.endsWith("/")) {
    const url = new URL(`/${locale}${vacancyPath(idSlug.id, gate.slug)}`, request.url);
    url.search = request.nextUrl.search;
    return NextResponse.redirect(url, 301);
  }
  if (gate.state === "closed") return NextResponse.rewrite(new URL(`/${locale}/vacancy-private/${idSlug.id}`, request.url));
  // A view for the employer's statistics: buffered in memory and written later, so it neither
  // delays nor fails the response. Link prefetches are not views; bots are filtered by the counter.
  if (request.method === "GET" && !isPrefetch(request)) recordVacancyView(idSlug.id, request.headers.get("user-agent"));
  return intl(request);
}

function isPrefetch(request: NextRequest): boolean {
  const h = request.headers;
  return (
    h.has("next-router-prefetch") ||
    /\bprefetch\b/i.test(h.get("purpose") ?? "") ||
    /\bprefetch\b/i.test(h.get("sec-purpose") ?? "")
  );
}

function notFoundPage(request: NextRequest, locale: string): NextResponse {
  return NextResponse.rewrite(new URL(`/${locale}/page-not-found`, request.url), { status: 404 });
}

function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function badRequest(): NextResponse {
  return new NextResponse("Bad Request: the address is not valid\n", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Pages get the locale handling; the proxy also sees files and API routes, only to refuse
// addresses that cannot be decoded (Next's build output under /_next/static is left alone).
const PAGES = /^\/(?!api(\/|$)|_next(\/|$)|_vercel(\/|$)|.*\..*).*/;

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
