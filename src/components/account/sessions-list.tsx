"use client";

import { useLocale, useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

export function SessionsList() {
  const t = useTranslations("account.sessions");
  const locale = useLocale();
  const utils = trpc.useUtils();
  const sessions = trpc.account.sessions.useQuery();
  const revoke = trpc.account.revokeSession.useMutation({ onSuccess: () => utils.account.sessions.invalidate() });
  const revokeOthers = trpc.account.revokeOtherSessions.useMutation({ onSuccess: () => utils.account.sessions.invalidate() });

  if (sessions.isPending) return <p>{t("loading")}</p>;
  if (sessions.error) return <Alert tone="error">{sessions.error.message}</Alert>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-gray-200 rounded-md border border-gray-200 bg-white">
        {sessions.data.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium">{s.userAgent ?? t("unknownDevice")}</p>
              <p className="text-gray-700">
                {t("lastSeen", { date: formatDate(s.lastSeenAt, locale, "medium", { time: true }) })}
                {s.ip ? ` · ${s.ip}` : ""}
              </p>
            </div>
            {s.current ? (
              <span className="rounded bg-brand-100 px-2 py-1 text-xs font-medium text-brand-800">{t("current")}</span>
            ) : (
              <Button variant="secondary" onClick={() => revoke.mutate({ sessionId: s.id })} disabled={revoke.isPending}>
                {t("revoke")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {sessions.data.length > 1 ? (
        <Button variant="secondary" onClick={() => revokeOthers.mutate()} disabled={revokeOthers.isPending}>
          {t("revokeOthers")}
        </Button>
      ) : null}
    </div>
  );
}
