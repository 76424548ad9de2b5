"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { formatAmount, formatDate } from "@/lib/format";
import type { OpeningState } from "@/lib/resume-database";
import { trpc } from "@/trpc/react";

export interface OpeningStatusView {
  state: OpeningState;
  viewsLeft: number | null;
  accessUntil: Date | null;
  organizationToday: { used: number; cap: number };
  memberToday: { used: number; cap: number };
  oneDayAccess: { used: number; cap: number } | null;
}

/**
 * The "open contacts" button of a resume in the resume database, with what is left (views of the
 * access, today's openings of the organisation and of the member) and, when it cannot be used,
 * why — with the way out (buy an access, a pack, or wait for tomorrow).
 */
export function OpenContactsPanel({
  organizationId,
  resumeId,
  status,
}: {
  organizationId: number;
  resumeId: string;
  status: OpeningStatusView;
}) {
  const t = useTranslations("resumeDatabase.open");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const open = trpc.employer.resumes.open.useMutation({
    onError: errors.fromServer,
    onSuccess: () => router.refresh(),
  });
  const canOpen = status.state === "CAN_OPEN";
  const billing = `/employer/${organizationId}/billing`;
  const counters = [
    status.viewsLeft !== null ? t("viewsLeft", { count: formatAmount(status.viewsLeft) }) : null,
    status.accessUntil ? t("accessUntil", { date: formatDate(status.accessUntil, locale, "medium", { time: true }) }) : null,
    t("organizationToday", {
      used: formatAmount(status.organizationToday.used),
      cap: formatAmount(status.organizationToday.cap),
    }),
    status.oneDayAccess
      ? t("oneDayAccess", { used: formatAmount(status.oneDayAccess.used), cap: formatAmount(status.oneDayAccess.cap) })
      : null,
    t("memberToday", { used: formatAmount(status.memberToday.used), cap: formatAmount(status.memberToday.cap) }),
  ].filter((line): line is string => line !== null);

  return (
    <section
      aria-labelledby="open-contacts-title"
      className="print-hidden flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4"
    >
      <h2 id="open-contacts-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="flex flex-col gap-1 text-sm text-gray-700" data-testid="opening-counters">
        {counters.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {canOpen ? null : (
        <p id="open-contacts-why" className="text-sm text-gray-900">
          {t(`why.${status.state as Exclude<OpeningState, "CAN_OPEN">}`)}{" "}
          {status.state === "NO_ACCESS" || status.state === "ACCESS_ELSEWHERE" || status.state === "NO_VIEWS_LEFT" ? (
            <Link href={billing} className="text-brand-800 underline">
              {t("toBilling")}
            </Link>
          ) : null}
        </p>
      )}
      <div aria-live="polite">{errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}</div>
      <Button
        type="button"
        className="self-start"
        disabled={!canOpen || open.isPending}
        aria-describedby={canOpen ? undefined : "open-contacts-why"}
        onClick={() => {
          errors.reset();
          open.mutate({ organizationId, resumeId });
        }}
      >
        {t("button")}
      </Button>
    </section>
  );
}
