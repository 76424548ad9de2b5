import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/local-name";
import type { SearchParams } from "@/lib/search/params";
import type { Catalog } from "@/server/services/catalog/catalog";
import type { Facets } from "@/server/services/search/plan/filter-conditions";

import { searchHref } from "./search-href";

/** Where the results are, as links that narrow the search to one city; only while no city is chosen. */
export function CityFacets({
  locale,
  params: p,
  facets,
  catalog,
}: {
  locale: string;
  params: SearchParams;
  facets: Facets | null;
  catalog: Catalog;
}) {
  const t = useTranslations("search");
  if (!facets || p.city || facets.cities.length <= 1) return null;
  return (
    <section aria-labelledby="facet-cities" className="flex flex-col gap-2">
      <h2 id="facet-cities" className="text-lg font-semibold">
        {t("byCity")}
      </h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {facets.cities.slice(0, 12).map((f) => {
          const city = catalog.cityById.get(Number(f.value));
          return city ? (
            <li key={f.value}>
              <Link href={searchHref({ ...p, city: city.slug, region: null, page: 1 })} className="underline">
                {localName(city, locale)}
              </Link>{" "}
              <span className="text-gray-700">{f.count}</span>
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}
