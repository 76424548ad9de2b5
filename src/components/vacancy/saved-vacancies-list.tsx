"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Link } from "@/i18n/navigation";
import { isVacancySaved, SAVED_VACANCIES_LIMIT, type SavedVacancy } from "@/lib/saved-vacancies";
import { SEARCH_PATH } from "@/lib/urls";
import { trpc } from "@/trpc/react";

import { SaveVacancyButton } from "./save-vacancy-button";
import {
  dismissMergeState,
  useMergeState,
  useSavedVacancies,
  useSavedVacancyActions,
  type SavedVacanciesSource,
} from "./use-saved-vacancies";
import { VacancyCard } from "./vacancy-card";

/**
 * A seeker's saved vacancies from the account, anyone else's from this browser; the server
 * renders only the loading line.
 */
export function SavedVacanciesList() {
  const t = useTranslations("saved");
  const hydrated = useHydrated();
  const source = useSavedVacancies();
  const merge = useMergeState();
  if (!hydrated || !source.known || source.list === null) {
    return <p role="status">{merge.status === "merging" ? t("syncing") : t("loading")}</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-gray-700">{source.where === "account" ? t("introAccount") : t("intro")}</p>
      <MergeNotice />
      {/* Keyed: the list's order is fixed per source (see LoadedList). */}
      <LoadedList key={source.where} where={source.where} saved={source.list} />
    </div>
  );
}

/** Says once what became of this browser's saves after sign-in. */
function MergeNotice() {
  const t = useTranslations("saved");
  const merge = useMergeState();
  if (merge.status === "failed") return <Alert tone="error">{t("mergeFailed")}</Alert>;
  if (merge.status !== "merged") return null;
  const { added, ignored, overLimit } = merge.result;
  if (added === 0 && ignored === 0 && overLimit === 0) return null;
  return (
    <div className="flex flex-col items-start gap-2 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900 sm:flex-row sm:justify-between">
      <div role="status" className="flex flex-col gap-1">
        {added ? <p>{t("merged", { count: added })}</p> : null}
        {ignored ? <p>{t("mergedIgnored", { count: ignored })}</p> : null}
        {overLimit ? <p>{t("mergedOverLimit", { count: overLimit, limit: SAVED_VACANCIES_LIMIT })}</p> : null}
      </div>
      <Button variant="secondary" className="shrink-0 text-sm" onClick={dismissMergeState}>
        {t("dismiss")}
      </Button>
    </div>
  );
}

function LoadedList({ where, saved }: { where: SavedVacanciesSource["where"]; saved: readonly SavedVacancy[] }) {
  const t = useTranslations("saved");
  const actions = useSavedVacancyActions(where);
  // The order is fixed when the list appears: a vacancy un-saved here keeps its card (and the
  // focus on its button) so it can be saved again; vacancies saved meanwhile elsewhere join on top.
  const [order, setOrder] = useState<readonly number[]>(() => saved.map((entry) => entry.id));
  const added = saved.filter((entry) => !order.includes(entry.id)).map((entry) => entry.id);
  const ids = added.length ? [...added, ...order] : order;
  const focusTarget = useRef<HTMLDivElement>(null);
  const buttonLabels = { save: t("save"), saved: t("saved"), saveError: t.raw("saveError") as string };

  const cards = trpc.public.vacancies.cards.useQuery(
    { ids: [...ids] },
    { enabled: ids.length > 0, placeholderData: keepPreviousData, staleTime: 60_000 },
  );

  if (ids.length === 0) {
    return (
      <div className="flex flex-col items-start gap-4 rounded-lg border border-gray-200 bg-white p-6">
        <p className="text-gray-800">{t("empty")}</p>
        <Link href={SEARCH_PATH} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          {t("findVacancies")}
        </Link>
      </div>
    );
  }
  if (cards.isPending) return <p role="status">{t("loading")}</p>;
  if (cards.isError) {
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert tone="error">
          {t("loadError")} {cards.error.message}
        </Alert>
        <Button variant="secondary" onClick={() => void cards.refetch()} disabled={cards.isFetching}>
          {t("retry")}
        </Button>
      </div>
    );
  }

  const byId = new Map(cards.data.map((card) => [card.id, card]));
  const unavailable = cards.isPlaceholderData ? [] : ids.filter((id) => !byId.has(id) && isVacancySaved(saved, id));

  function forgetUnavailable() {
    actions.forget(unavailable);
    setOrder((current) => current.filter((id) => !unavailable.includes(id)));
    focusTarget.current?.focus();
  }

  return (
    <div ref={focusTarget} tabIndex={-1} className="flex flex-col gap-4 outline-none">
      {actions.error ? <Alert tone="error">{t("saveError", { message: actions.error })}</Alert> : null}
      {unavailable.length ? (
        <div className="flex flex-col items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between">
          <p>{t("unavailable", { count: unavailable.length })}</p>
          <Button variant="secondary" className="text-sm" onClick={forgetUnavailable} disabled={actions.pending}>
            {t("forgetUnavailable")}
          </Button>
        </div>
      ) : null}
      <ul className="flex flex-col gap-3">
        {ids.flatMap((id) => {
          const card = byId.get(id);
          if (!card) return [];
          return [
            <li key={id}>
              <VacancyCard
                vacancy={card}
                headingLevel={2}
                showLogo
                actions={<SaveVacancyButton vacancyId={id} labels={buttonLabels} />}
              />
            </li>,
          ];
        })}
      </ul>
      {cards.data.length === 0 && unavailable.length === 0 ? (
        <Link href={SEARCH_PATH} className="self-start font-medium text-brand-800 underline underline-offset-2">
          {t("findVacancies")}
        </Link>
      ) : null}
    </div>
  );
}
