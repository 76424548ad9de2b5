import { unsubscribeRoute } from "@/server/http/unsubscribe-route";
import { readUnsubscribeToken, setDigestsByToken } from "@/server/services/digest/unsubscribe";

// The unsubscribe link of the subscription digests, `/api/unsubscribe?token=…`: one-click POST,
// the page /[locale]/unsubscribe's form, GET to that page (src/server/http/unsubscribe-route.ts).

export const dynamic = "force-dynamic";

const route = unsubscribeRoute({
  pagePath: "/unsubscribe",
  readLocale: async (token) => (await readUnsubscribeToken(token)).locale,
  set: setDigestsByToken,
  name: "the digests",
});

export const GET = route.GET;
export const POST = route.POST;
