import { useTranslations } from "next-intl";

import { VacancyCard } from "@/components/vacancy/vacancy-card";
import type { SearchResult } from "@/server/services/search/search-vacancies";

type Cards = SearchResult["items"];

/** Premium vacancies in their first week, set apart above the ordinary results. */
export function PriorityResults({ cards }: { cards: Cards }) {
  const t = useTranslations("search");
  if (!cards.length) return null;
  return (
    <section
      aria-labelledby="priority-heading"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
    >
      <h2 id="priority-heading" className="text-sm font-semibold uppercase tracking-wide text-amber-900">
        {t("priority")}
      </h2>
      <ul className="flex flex-col gap-3">
        {cards.map((card) => (
          <li key={card.id}>
            <VacancyCard vacancy={card} headingLevel={3} showLogo />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ResultList({ cards }: { cards: Cards }) {
  const t = useTranslations("search");
  if (!cards.length) return null;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="sr-only">
        {t("results")}
      </h2>
      <ul className="flex flex-col gap-3" data-testid="results">
        {cards.map((card) => (
          <li key={card.id}>
            <VacancyCard vacancy={card} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
