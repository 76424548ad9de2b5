import { getTranslations, setRequestLocale } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { isDomainError } from "@/server/errors";

// The page an email's unsubscribe link leads to (the digests', a saved resume search's). Opening
// it changes nothing (mail scanners open links too): it shows the current state and a button, a
// plain form that posts to the email's unsubscribe route (src/server/http/unsubscribe-route.ts; no
// script, no session needed), which comes back here with `done`.

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface UnsubscribeState {
  /** Whether the emails are on now. */
  on: boolean;
  /** Values for the texts (e.g. the saved search's name). */
  values?: Record<string, string>;
  /** Where the recipient manages these emails. */
  manageHref?: string;
}

/** Renders the page (called by the page modules, not used as a component: it reads the token first). */
export async function renderUnsubscribePage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
  /** The texts' namespace: title, intro, formLabel, confirm, button, onDone, off, offDone, resubscribeHint, resubscribeButton, manage. */
  namespace: "unsubscribe" | "resumeSearchUnsubscribe";
  /** The email's unsubscribe route. */
  apiPath: string;
  /** The state the token names; throws a DomainError for a forged or expired one. */
  read: (token: string) => Promise<UnsubscribeState>;
  /** Where these emails are managed when the state does not say (also under a bad token). */
  manageHref?: string;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const search = await props.searchParams;
  const t = await getTranslations({ locale });
  const text = (key: string, values?: Record<string, string>) => t(`${props.namespace}.${key}`, values);
  const token = first(search.token) ?? "";
  const done = first(search.done);

  let state: UnsubscribeState | null = null;
  let errorKey: string | null = null;
  try {
    state = await props.read(token);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errorKey = error.messageKey;
  }

  const action = `${props.apiPath}?token=${encodeURIComponent(token)}`;
  const manageHref = state?.manageHref ?? props.manageHref;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{text("title")}</h1>
      {errorKey || !state ? (
        <Alert tone="error">{t(errorKey ?? "errors.unsubscribe.invalid")}</Alert>
      ) : state.on ? (
        <>
          {done === "on" ? <Alert tone="success">{text("onDone", state.values)}</Alert> : null}
          <p>{text("intro", state.values)}</p>
          <form method="post" action={action} aria-label={text("formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="unsubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="unsubscribe-confirm">{text("confirm")}</p>
            <div>
              <Button type="submit" aria-describedby="unsubscribe-confirm">
                {text("button")}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <>
          <Alert tone={done === "off" ? "success" : "info"}>
            {done === "off" ? text("offDone", state.values) : text("off", state.values)}
          </Alert>
          <form method="post" action={action} aria-label={text("formLabel")} className="flex flex-col gap-4">
            <input type="hidden" name="action" value="resubscribe" />
            <input type="hidden" name="locale" value={locale} />
            <p id="resubscribe-hint">{text("resubscribeHint")}</p>
            <div>
              <Button type="submit" variant="secondary" aria-describedby="resubscribe-hint">
                {text("resubscribeButton")}
              </Button>
            </div>
          </form>
        </>
      )}
      {manageHref ? (
        <p>
          <Link href={manageHref} className="text-brand-700 underline">
            {text("manage")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
