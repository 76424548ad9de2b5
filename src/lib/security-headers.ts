// The Content-Security-Policy of every page, and which pages get a per-request nonce.
//
// A nonce must match the one in the page's own HTML, so only pages rendered for each request can
// carry one: the dashboards, cabinets, sign-in and forms (force-dynamic). Cached public pages
// (vacancy, company, landing, search, home, legal) are one HTML for everybody: their inline
// scripts (the React Server Components payload Next writes into the page) are allowed with
// 'unsafe-inline', everything else as strictly as on the others. Those pages take no input a
// script could be injected through except sanitized vacancy text and the search page's criteria,
// which React writes as escaped text and attribute values, and Next into its payload as escaped
// JSON (e2e/search.spec.ts searches for markup and script-closing text).

const NONCE_PAGES = [
  /^\/(ru|kk)\/(account|admin|dev|employer|feedback|invitations|seeker|unsubscribe)(\/|$)/,
  /^\/(ru|kk)\/auth\/(code|sign-in|verify-email)(\/|$)/,
  /^\/(ru|kk)\/vacancy\/[^/]+\/(apply|complaint)(\/|$)/,
  /^\/(ru|kk)\/legal\/(accept|diff)(\/|$)/,
];

// The card payment page opens the provider's widget: its frame, and the bank's 3-D Secure page
// inside it, come from hosts we do not know in advance.
const PAYMENT_PAGE = /^\/(ru|kk)\/employer\/\d+\/billing\/pay\/\d+$/;

/** Whether the page at `pathname` hosts a payment provider's widget. */
export const hostsPaymentWidget = (pathname: string) => PAYMENT_PAGE.test(pathname);

/** Whether the page at `pathname` is rendered per request and so can carry a nonce. */
export const takesNonce = (pathname: string) => NONCE_PAGES.some((pattern) => pattern.test(pathname));

export function contentSecurityPolicy(options: {
  nonce: string | null;
  https: boolean;
  dev: boolean;
  /** The payment page: the widget's frames and requests may go to any https host. */
  paymentWidget?: boolean;
}): string {
  const script = options.nonce ? [`'nonce-${options.nonce}'`, "'strict-dynamic'", "'self'"] : ["'self'", "'unsafe-inline'"];
  if (options.dev) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // React writes style attributes (charts, the rich-text editor); stylesheets are our own.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    options.paymentWidget ? "connect-src 'self' https:" : "connect-src 'self'",
    ...(options.paymentWidget ? ["frame-src 'self' https:"] : []),
    "manifest-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every browser feature the site does not use, switched off. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "identity-credentials-get=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Two years, subdomains included: sent only when the site is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
