import { useTranslations } from "next-intl";

import { localName } from "@/lib/local-name";
import { licenceLabel } from "@/lib/format";
import { filterChoice, type Choice } from "@/lib/search/filters";
import { PERIODS, type SearchParams } from "@/lib/search/params";
import type { Catalog } from "@/server/services/catalog/catalog";
import type { Facets, FacetValue } from "@/server/services/search/plan/filter-conditions";

/** The page's one GET form; the filters sit outside it in the layout and join it by this id. */
export const SEARCH_FORM_ID = "vacancy-search";

const countOf = (facet: FacetValue[] | undefined, value: string) => facet?.find((f) => f.value === value)?.count;

function CheckGroup({
  legend,
  choice: { param: name, options },
  selected,
  facet,
  label,
}: {
  legend: string;
  choice: Choice;
  selected: readonly string[];
  facet: FacetValue[] | undefined;
  label: (value: string) => string;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {options.map((value) => {
        const count = countOf(facet, value);
        const id = `${name}-${value.toLowerCase()}`;
        return (
          <div key={value} className="flex items-center gap-2">
            <input
              form={SEARCH_FORM_ID}
              id={id}
              type="checkbox"
              name={name}
              value={value.toLowerCase()}
              defaultChecked={selected.includes(value)}
              className="size-4"
            />
            <label htmlFor={id} className="text-sm">
              {label(value)}
              {facet && !selected.includes(value) ? <span className="text-gray-700"> ({count ?? 0})</span> : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Every filter of the search page, inside the page's one GET form (works without JavaScript). */
export function SearchFilters({
  params,
  catalog,
  facets,
  locale,
}: {
  params: SearchParams;
  catalog: Catalog;
  facets: Facets | null;
  locale: string;
}) {
  const t = useTranslations("search");
  const tv = useTranslations("vacancy");
  const nameOf = (item: { nameRu: string; nameKk: string }) => localName(item, locale);
  const groups = catalog.specializations.filter((s) => s.parentId === null);
  const selectedSpecs = params.specializations.flatMap((slug) => catalog.specializationBySlug.get(slug) ?? []);
  return (
    <div className="flex flex-col gap-5 rounded-lg border border-gray-200 bg-white p-4">
      {selectedSpecs.length ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 font-semibold">{t("selectedSpecializations")}</legend>
          {selectedSpecs.map((spec) => (
            <div key={spec.slug} className="flex items-center gap-2">
              <input
                form={SEARCH_FORM_ID}
                id={`spec-${spec.slug}`}
                type="checkbox"
                name="spec"
                value={spec.slug}
                defaultChecked
                className="size-4"
              />
              <label htmlFor={`spec-${spec.slug}`} className="text-sm">
                {nameOf(spec)}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-spec" className="font-semibold">
          {selectedSpecs.length ? t("addSpecialization") : t("specialization")}
        </label>
        <select
          form={SEARCH_FORM_ID}
          id="filter-spec"
          name="spec"
          defaultValue=""
          className="rounded-md border border-gray-400 bg-white px-3 py-2"
        >
          <option value="">{t("anySpecialization")}</option>
          {groups.map((group) => (
            <optgroup key={group.id} label={nameOf(group)}>
              <option value={group.slug}>{t("wholeGroup", { group: nameOf(group) })}</option>
              {catalog.specializations
                .filter((s) => s.parentId === group.id)
                .map((s) => (
                  <option key={s.id} value={s.slug}>
                    {nameOf(s)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-salary" className="font-semibold">
          {t("salaryFrom")}
        </label>
        <div className="flex items-center gap-2">
          <input
            form={SEARCH_FORM_ID}
            id="filter-salary"
            name="salary"
            type="number"
            inputMode="numeric"
            min={0}
            step={10000}
            defaultValue={params.salary ?? ""}
            className="w-full rounded-md border border-gray-400 px-3 py-2"
          />
          <span aria-hidden="true">₸</span>
        </div>
      </div>
      <CheckGroup
        legend={t("experience")}
        choice={filterChoice("experience")}
        selected={params.experience}
        facet={facets?.experience}
        label={(v) => tv(`experience.${v}`)}
      />
      <CheckGroup
        legend={t("employment")}
        choice={filterChoice("employment")}
        selected={params.employment}
        facet={facets?.employment}
        label={(v) => tv(`employment.${v}`)}
      />
      <CheckGroup
        legend={t("schedule")}
        choice={filterChoice("schedule")}
        selected={params.schedule}
        facet={facets?.schedule}
        label={(v) => tv(`schedule.${v}`)}
      />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 font-semibold">{t("format")}</legend>
        <div className="flex items-center gap-2">
          <input
            form={SEARCH_FORM_ID}
            id="filter-remote"
            type="checkbox"
            name="remote"
            value="1"
            defaultChecked={params.remote}
            className="size-4"
          />
          <label htmlFor="filter-remote" className="text-sm">
            {tv("remote")}
            {facets && !params.remote ? <span className="text-gray-700"> ({facets.remote})</span> : null}
          </label>
        </div>
      </fieldset>
      <CheckGroup
        legend={t("licences")}
        choice={filterChoice("licences")}
        selected={params.licences}
        facet={facets?.licences}
        label={licenceLabel}
      />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 font-semibold">{t("period")}</legend>
        {[null, ...PERIODS].map((days) => {
          const id = `period-${days ?? "any"}`;
          return (
            <div key={id} className="flex items-center gap-2">
              <input
                form={SEARCH_FORM_ID}
                id={id}
                type="radio"
                name="period"
                value={days ?? ""}
                defaultChecked={params.period === days}
                className="size-4"
              />
              <label htmlFor={id} className="text-sm">
                {days === null ? t("periodAny") : t("periodDays", { days })}
              </label>
            </div>
          );
        })}
      </fieldset>
      <button
        form={SEARCH_FORM_ID}
        type="submit"
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t("apply")}
      </button>
    </div>
  );
}
