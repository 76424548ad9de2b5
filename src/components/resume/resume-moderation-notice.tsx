"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

/**
 * What moderation decided about the seeker's own resume: hidden with the moderator's reason (fix
 * it, then ask for a review), or waiting for that review.
 */
export function ResumeModerationNotice(props: { resumeId: number; moderation: "HIDDEN" | "REVIEW"; reason: string | null }) {
  const t = useTranslations("resumes.moderation");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const request = trpc.seeker.resumes.requestReview.useMutation({
    onMutate: () => setError(null),
    onError: (e) => setError(e.message),
    onSuccess: () => {
      setRequested(true);
      router.refresh();
    },
  });
  const inReview = props.moderation === "REVIEW";
  return (
    <section
      aria-labelledby="resume-moderation-title"
      data-testid="resume-moderation"
      className={`print-hidden flex flex-col gap-2 rounded-md border p-4 ${inReview ? "border-sky-300 bg-sky-50" : "border-red-300 bg-red-50"}`}
    >
      <h2 id="resume-moderation-title" className="font-semibold">
        {t(inReview ? "reviewTitle" : "hiddenTitle")}
      </h2>
      {props.reason ? <p className="break-words whitespace-pre-line">{t("reason", { reason: props.reason })}</p> : null}
      <p className="text-sm">{t(inReview ? "reviewHint" : "hiddenHint")}</p>
      <div aria-live="polite">
        {requested ? <Alert tone="success">{t("reviewRequested")}</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      {inReview ? null : (
        <Button
          type="button"
          disabled={request.isPending}
          className="self-start"
          onClick={() => request.mutate({ resumeId: props.resumeId })}
        >
          {t("requestReview")}
        </Button>
      )}
    </section>
  );
}
