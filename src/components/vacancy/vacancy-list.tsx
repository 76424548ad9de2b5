import { VacancyCard } from "@/components/vacancy/vacancy-card";
import type { VacancyCard as Card } from "@/server/services/search/vacancy-cards";

/** A titled list of vacancy cards (landing, company and school pages). */
export function VacancyList({ id, title, vacancies }: { id: string; title: string; vacancies: Card[] }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <ul className="flex flex-col gap-3">
        {vacancies.map((card) => (
          <li key={card.id}>
            <VacancyCard vacancy={card} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
