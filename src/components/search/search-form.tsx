import { useTranslations } from "next-intl";

import { localName } from "@/lib/local-name";
import { MAX_QUERY_LENGTH, type SearchParams } from "@/lib/search/params";
import { SEARCH_PATH } from "@/lib/urls";
import type { Catalog } from "@/server/services/catalog/catalog";

import { SEARCH_FORM_ID } from "./search-filters";

/** The query and location bar: a plain GET form, so searching works without JavaScript. */
export function SearchForm({ locale, params: p, catalog }: { locale: string; params: SearchParams; catalog: Catalog }) {
  const t = useTranslations("search");
  return (
    <form
      id={SEARCH_FORM_ID}
      method="get"
      action={`/${locale}${SEARCH_PATH}`}
      role="search"
      aria-label={t("formLabel")}
      className="flex flex-col gap-3 rounded-lg bg-brand-700 p-4 sm:flex-row sm:items-end"
    >
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="search-q" className="text-sm font-medium text-white">
          {t("queryLabel")}
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={p.q}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={t("queryPlaceholder")}
          className="rounded-md border border-white bg-white px-3 py-2 text-base text-gray-900 placeholder:text-gray-600"
        />
      </div>
      <div className="flex flex-col gap-1 sm:w-56">
        <label htmlFor="search-city" className="text-sm font-medium text-white">
          {t("location")}
        </label>
        <select
          id="search-city"
          name="city"
          defaultValue={p.city ?? ""}
          className="rounded-md border border-white bg-white px-3 py-2 text-base"
        >
          <option value="">{t("anyLocation")}</option>
          {catalog.regions.map((region) => (
            <optgroup key={region.id} label={localName(region, locale)}>
              {catalog.cities
                .filter((c) => c.regionId === region.id)
                .map((c) => (
                  <option key={c.id} value={c.slug}>
                    {localName(c, locale)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      {p.region && !p.city ? <input type="hidden" name="region" value={p.region} /> : null}
      {p.sort ? <input type="hidden" name="sort" value={p.sort} /> : null}
      <button type="submit" className="rounded-md bg-white px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        {t("submit")}
      </button>
    </form>
  );
}
