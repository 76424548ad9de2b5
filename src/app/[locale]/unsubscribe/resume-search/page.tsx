import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { isDomainError } from "@/server/errors";
import { RESUME_SEARCH_UNSUBSCRIBE_API_PATH, savedResumeSearchesPath } from "@/server/services/digest/digest-links";
import { readResumeSearchUnsubscribe } from "@/server/services/saved-resume-searches/unsubscribe-resume-search";

// Where the unsubscribe link of a saved resume search's email leads, as /unsubscribe does for the
// digests: opening it changes nothing; a plain form posts to the API route, which comes back here
// with `done`.

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("resumeSearchUnsubscribe", "title", { index: false });

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ResumeSearchUnsubscribePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale });
  const token = first(search.token) ?? "";
  const done = first(search.done);

  let state: Awaited<ReturnType<typeof readResumeSearchUnsubscribe>> | null = null;
  let errorKey: string | null = null;
  try {
    state = await readResumeSearchUnsubscribe(token);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errorKey = error.messageKey;
  }

  const action = `${RESUME_SEARCH_UNSUBSCRIBE_API_PATH}?token=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t("resumeSearchUnsubscribe.title")}</h1>
      {errorKey || !state ? (
        <Alert tone="error">{t(errorKey ?? "errors.unsubscribe.invalid")}</Alert>
      ) : state.emailOn ? (
        <>
          {done === "on" ? <Alert tone="success">{t("resumeSearchUnsubscribe.onDone", { name: state.name })}</Alert> : null}
          <p>{t("resumeSearchUnsubscribe.intro", { name: state.name })}</p>
          <form method="post" action={action} aria-label={t("resumeSearchUnsubscribe.formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="unsubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="unsubscribe-confirm">{t("resumeSearchUnsubscribe.confirm")}</p>
            <div>
              <Button type="submit" aria-describedby="unsubscribe-confirm">
                {t("resumeSearchUnsubscribe.button")}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <>
          <Alert tone={done === "off" ? "success" : "info"}>
            {done === "off"
              ? t("resumeSearchUnsubscribe.offDone", { name: state.name })
              : t("resumeSearchUnsubscribe.off", { name: state.name })}
          </Alert>
          <form method="post" action={action} aria-label={t("resumeSearchUnsubscribe.formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="resubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="resubscribe-hint">{t("resumeSearchUnsubscribe.resubscribeHint")}</p>
            <div>
              <Button type="submit" variant="secondary" aria-describedby="resubscribe-hint">
                {t("resumeSearchUnsubscribe.resubscribeButton")}
              </Button>
            </div>
          </form>
        </>
      )}
      {state ? (
        <p>
          <Link href={savedResumeSearchesPath(state.organizationId)} className="text-brand-700 underline">
            {t("resumeSearchUnsubscribe.manage")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
