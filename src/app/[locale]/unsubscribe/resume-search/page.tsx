import { renderUnsubscribePage } from "@/components/unsubscribe-page";
import { titleMetadata } from "@/i18n/page-metadata";
import { RESUME_SEARCH_UNSUBSCRIBE_API_PATH, savedResumeSearchesPath } from "@/server/services/digest/digest-links";
import { readResumeSearchUnsubscribe } from "@/server/services/saved-resume-searches/unsubscribe-resume-search";

// Where the unsubscribe link of a saved resume search's email leads (src/components/unsubscribe-page.tsx).

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumeSearchUnsubscribe", "title", { index: false });

export default async function ResumeSearchUnsubscribePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return renderUnsubscribePage({
    ...props,
    namespace: "resumeSearchUnsubscribe",
    apiPath: RESUME_SEARCH_UNSUBSCRIBE_API_PATH,
    read: async (token) => {
      const state = await readResumeSearchUnsubscribe(token);
      return { on: state.emailOn, values: { name: state.name }, manageHref: savedResumeSearchesPath(state.organizationId) };
    },
  });
}
