"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/**
 * "Someone else used my account": one button, then a confirmation; every session ends at once,
 * this one included, and the browser goes to the sign-in page.
 */
export function ReportCompromise() {
  const t = useTranslations("account.compromise");
  const locale = useLocale();
  const errors = useFormErrors();
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const wasConfirming = useRef(false);
  const report = trpc.account.reportCompromise.useMutation({
    onError: errors.fromServer,
    // The session is already revoked on the server; this clears the cookie and leaves.
    onSuccess: () => void signOut({ callbackUrl: `/${locale}/auth/sign-in` }),
  });

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (wasConfirming.current) document.getElementById("compromise-open")?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <section aria-labelledby="compromise-heading" className="flex flex-col gap-3">
      <h2 id="compromise-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-gray-700">{t("text")}</p>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {confirming ? (
        <div
          role="group"
          aria-labelledby="compromise-confirm-heading"
          aria-describedby="compromise-confirm-text"
          className="flex flex-col gap-3 rounded-md border border-red-300 bg-red-50 p-4"
          onKeyDown={(event) => {
            if (event.key === "Escape" && !report.isPending) setConfirming(false);
          }}
        >
          <h3 id="compromise-confirm-heading" ref={confirmHeading} tabIndex={-1} className="font-semibold text-red-900">
            {t("confirmTitle")}
          </h3>
          <p id="compromise-confirm-text" className="text-sm text-red-900">
            {t("confirmText")}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="rounded-md bg-red-700 px-4 py-2 text-base font-medium text-white hover:bg-red-800 disabled:bg-gray-400"
              disabled={report.isPending}
              onClick={() => {
                errors.reset();
                report.mutate({ confirm: true });
              }}
            >
              {report.isPending ? t("working") : t("confirm")}
            </button>
            <Button type="button" variant="secondary" disabled={report.isPending} onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button id="compromise-open" type="button" variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
          {t("button")}
        </Button>
      )}
    </section>
  );
}
