"use client";

import { useTranslations } from "next-intl";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { trpc } from "@/trpc/react";

/** The graduate's explicit answer: show the verified category on their resumes, or not. */
export function GraduateConsent({ token, category }: { token: string; category: string }) {
  const t = useTranslations("graduate");
  const errors = useFormErrors();
  const consent = trpc.seeker.graduate.consent.useMutation({ onError: errors.fromServer });
  const decline = trpc.seeker.graduate.decline.useMutation({ onError: errors.fromServer });
  const pending = consent.isPending || decline.isPending;
  const done = consent.isSuccess || decline.isSuccess;
  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div aria-live="polite">
        {consent.isSuccess ? <Alert tone="success">{t("consented", { category })}</Alert> : null}
        {decline.isSuccess ? <Alert tone="success">{t("declined")}</Alert> : null}
      </div>
      {done ? (
        consent.isSuccess ? (
          <Link href="/seeker/resumes" className="self-start font-medium text-brand-800 underline">
            {t("toResumes")}
          </Link>
        ) : null
      ) : (
        <>
          <p className="font-medium">{t("question")}</p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" disabled={pending} onClick={() => consent.mutate({ token })}>
              {t("consent")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => decline.mutate({ token })}>
              {t("decline")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
