import createMiddleware from "next-intl/middleware";

import { routing } from "./i18n/routing";

// Locale negotiation and the locale prefix only; authorization happens on the server per request.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
