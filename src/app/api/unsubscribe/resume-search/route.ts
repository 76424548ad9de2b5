import { unsubscribeRoute } from "@/server/http/unsubscribe-route";
import { RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH } from "@/server/services/digest/digest-links";
import {
  readResumeSearchUnsubscribe,
  setResumeSearchEmailByToken,
} from "@/server/services/saved-resume-searches/unsubscribe-resume-search";

// The unsubscribe link of one saved resume search's emails, `/api/unsubscribe/resume-search?token=…`,
// answering as /api/unsubscribe does for the digests (src/server/http/unsubscribe-route.ts); 404
// when the saved search is gone.

export const dynamic = "force-dynamic";

const route = unsubscribeRoute({
  pagePath: RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH,
  readLocale: async (token) => (await readResumeSearchUnsubscribe(token)).locale,
  set: (token, on) => setResumeSearchEmailByToken(token, on),
  name: "a saved resume search",
});

export const GET = route.GET;
export const POST = route.POST;
