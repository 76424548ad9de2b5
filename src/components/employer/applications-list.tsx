"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

export interface ApplicationRow {
  id: number;
  status: string;
  /** The organisation invited the seeker from their resume (the seeker did not apply). */
  invitation: boolean;
  createdAt: Date;
  vacancyTitle: string;
  name: string;
  resumeTitle: string | null;
  city: string | null;
  /** The seeker's categories verified by a driving school, as badge texts. */
  verified: string[];
}

/** The inbox rows with selection for a bulk rejection (managers and owners). */
export function ApplicationsList(props: { organizationId: number; rows: ApplicationRow[]; canAnswer: boolean }) {
  const t = useTranslations("inbox");
  const tStatus = useTranslations("applicationStatus");
  const locale = useLocale();
  const router = useRouter();
  const errors = useFormErrors();
  const [selected, setSelected] = useState<number[]>([]);
  const respond = trpc.employer.applications.respond.useMutation({
    onError: errors.fromServer,
    onSuccess: () => {
      setSelected([]);
      router.refresh();
    },
  });
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div aria-live="polite">
        {respond.isSuccess ? <Alert tone="success">{t("answered", { count: respond.data.answered })}</Alert> : null}
      </div>
      {props.canAnswer && props.rows.length > 0 ? (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          disabled={selected.length === 0 || respond.isPending}
          onClick={() => {
            if (window.confirm(t("rejectConfirm", { count: selected.length })))
              respond.mutate({ organizationId: props.organizationId, applicationIds: selected, decision: "REJECT" });
          }}
        >
          {t("rejectSelected")} ({selected.length})
        </Button>
      ) : null}
      <ul className="flex flex-col gap-2">
        {props.rows.map((row) => (
          <li key={row.id} className="flex items-start gap-3 rounded-md border border-gray-200 bg-white p-3">
            {props.canAnswer ? (
              <input
                type="checkbox"
                className="mt-1.5 size-4"
                aria-label={t("select", { name: row.name })}
                checked={selected.includes(row.id)}
                onChange={() => toggle(row.id)}
                disabled={row.status === "INVITED" || row.status === "REJECTED"}
              />
            ) : null}
            <div className="flex min-w-0 flex-col gap-0.5">
              <Link
                href={`/employer/${props.organizationId}/applications/${row.id}`}
                className="font-medium break-words text-brand-800 underline"
              >
                {row.name}
                {row.resumeTitle ? ` — ${row.resumeTitle}` : null}
              </Link>
              {row.invitation ? (
                <p className="self-start rounded-md border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-sm text-emerald-900">
                  {t("invitation")}
                </p>
              ) : null}
              <p className="text-sm text-gray-700">
                {tStatus(row.status as "SENT")} · {row.vacancyTitle}
                {row.city ? ` · ${row.city}` : null} ·{" "}
                {t(row.invitation ? "invitedOn" : "applied", { date: formatDate(new Date(row.createdAt), locale, "medium") })}
              </p>
              {row.verified.length ? (
                <ul className="flex flex-wrap gap-1 text-sm" aria-label={t("verifiedLabel")}>
                  {row.verified.map((text) => (
                    <li key={text} className="rounded-md border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-emerald-900">
                      ✓ {text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
