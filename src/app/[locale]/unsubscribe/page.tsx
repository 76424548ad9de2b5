import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { isDomainError } from "@/server/errors";
import { SUBSCRIPTIONS_PATH, UNSUBSCRIBE_API_PATH } from "@/server/services/digest/digest-links";
import { readUnsubscribeToken } from "@/server/services/digest/unsubscribe";

// Where the unsubscribe link of a digest leads. Opening it changes nothing (mail scanners open
// links too): it shows the current state and a button, a plain form that posts to
// /api/unsubscribe (no script, no session needed), which comes back here with `done`.

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("unsubscribe", "title", { index: false });

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UnsubscribePage(props: { params: Promise<{ locale: string }>; searchParams: Promise<Search> }) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale });
  const token = first(search.token) ?? "";
  const done = first(search.done);

  let state: Awaited<ReturnType<typeof readUnsubscribeToken>> | null = null;
  let errorKey: string | null = null;
  try {
    state = await readUnsubscribeToken(token);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errorKey = error.messageKey;
  }

  const action = `${UNSUBSCRIBE_API_PATH}?token=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t("unsubscribe.title")}</h1>
      {errorKey || !state ? (
        <Alert tone="error">{t(errorKey ?? "errors.unsubscribe.invalid")}</Alert>
      ) : state.digestsOn ? (
        <>
          {done === "on" ? <Alert tone="success">{t("unsubscribe.onDone")}</Alert> : null}
          <p>{t("unsubscribe.intro")}</p>
          <form method="post" action={action} aria-label={t("unsubscribe.formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="unsubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="unsubscribe-confirm">{t("unsubscribe.confirm")}</p>
            <div>
              <Button type="submit" aria-describedby="unsubscribe-confirm">
                {t("unsubscribe.button")}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <>
          <Alert tone={done === "off" ? "success" : "info"}>
            {done === "off" ? t("unsubscribe.offDone") : t("unsubscribe.off")}
          </Alert>
          <form method="post" action={action} aria-label={t("unsubscribe.formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="resubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="resubscribe-hint">{t("unsubscribe.resubscribeHint")}</p>
            <div>
              <Button type="submit" variant="secondary" aria-describedby="resubscribe-hint">
                {t("unsubscribe.resubscribeButton")}
              </Button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link href={SUBSCRIPTIONS_PATH} className="text-brand-700 underline">
          {t("unsubscribe.manage")}
        </Link>
      </p>
    </div>
  );
}
