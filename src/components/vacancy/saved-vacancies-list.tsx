"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";
import { isVacancySaved, savedVacancies } from "@/lib/saved-vacancies";
import { SEARCH_PATH } from "@/lib/urls";
import { trpc } from "@/trpc/react";

import { SaveVacancyButton, useSavedVacancies } from "./save-vacancy-button";
import { VacancyCard } from "./vacancy-card";

const subscribeNothing = () => () => {};

/** The vacancies saved in this browser; the server renders only the loading line. */
export function SavedVacanciesList() {
  const t = useTranslations("saved");
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  if (!hydrated) return <p role="status">{t("loading")}</p>;
  return <LoadedList />;
}

function LoadedList() {
  const t = useTranslations("saved");
  const saved = useSavedVacancies();
  // The order is fixed when the page opens: a vacancy un-saved here keeps its card (and the focus
  // on its button) so it can be saved again; vacancies saved meanwhile in another tab join on top.
  const [order, setOrder] = useState<readonly number[]>(() => savedVacancies.all().map((entry) => entry.id));
  const added = saved.filter((entry) => !order.includes(entry.id)).map((entry) => entry.id);
  const ids = added.length ? [...added, ...order] : order;
  const focusTarget = useRef<HTMLDivElement>(null);

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
    savedVacancies.remove(unavailable);
    setOrder((current) => current.filter((id) => !unavailable.includes(id)));
    focusTarget.current?.focus();
  }

  return (
    <div ref={focusTarget} tabIndex={-1} className="flex flex-col gap-4 outline-none">
      {unavailable.length ? (
        <div className="flex flex-col items-start gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between">
          <p>{t("unavailable", { count: unavailable.length })}</p>
          <Button variant="secondary" className="text-sm" onClick={forgetUnavailable}>
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
              <VacancyCard vacancy={card} headingLevel={2} showLogo actions={<SaveVacancyButton vacancyId={id} />} />
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
