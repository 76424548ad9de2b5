import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { FiltersToggle } from "@/components/search/filters-toggle";
import { languageName } from "@/components/resume/resume-format";
import { licenceLabel } from "@/lib/format";
import { localName } from "@/lib/local-name";
import { EXPERIENCE_YEARS, type ResumeSearchParams } from "@/lib/resume-search/params";
import { PERIODS } from "@/lib/search/params";
import { EMPLOYMENT_TYPES, LICENCE_CATEGORIES, RESUME_LANGUAGES, WORK_SCHEDULES } from "@/lib/validation/resume";
import type { Catalog } from "@/server/services/catalog/catalog";

const field = "rounded-md border border-gray-400 bg-white px-3 py-2";

function Check(props: { name: string; value: string; checked: boolean; id: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <input
        id={props.id}
        type="checkbox"
        name={props.name}
        value={props.value}
        defaultChecked={props.checked}
        className="size-4"
      />
      <label htmlFor={props.id} className="text-sm">
        {props.children}
      </label>
    </div>
  );
}

function Group({ legend, children, scroll }: { legend: string; children: ReactNode; scroll?: boolean }) {
  return (
    <fieldset className={`flex flex-col gap-1.5 ${scroll ? "max-h-48 overflow-y-auto" : ""}`}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The resume database's one GET form: words, place, and every filter (works without JavaScript;
 * on a phone the filters fold behind a button, as on the vacancy search page).
 */
export async function ResumeSearchForm({
  locale,
  params: p,
  catalog,
  activeFilters,
}: {
  locale: string;
  params: ResumeSearchParams;
  catalog: Catalog;
  activeFilters: number;
}) {
  const t = await getTranslations({ locale, namespace: "resumeDatabase" });
  const tv = await getTranslations({ locale, namespace: "vacancy" });
  const nameOf = (item: { nameRu: string; nameKk: string }) => localName(item, locale);
  const groups = catalog.specializations.filter((s) => s.parentId === null);
  const regions = [...catalog.regions].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale));
  // The select holds one choice; the others a URL brought (up to six) stay as ticked boxes.
  const [selectedSpec = "", ...moreSpecs] = p.specializations;
  return (
    <form method="get" role="search" aria-label={t("formLabel")} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="resume-q" className="font-semibold">
          {t("queryLabel")}
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="resume-q"
            name="q"
            type="search"
            defaultValue={p.q}
            maxLength={200}
            placeholder={t("queryPlaceholder")}
            className={`${field} min-w-0 flex-1`}
          />
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
            {t("submit")}
          </button>
        </div>
      </div>
      <FiltersToggle label={activeFilters ? `${t("filters")} (${activeFilters})` : t("filters")}>
        <div className="grid grid-cols-1 gap-5 rounded-lg border border-gray-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-region" className="font-semibold">
                {t("region")}
              </label>
              <select id="resume-region" name="region" defaultValue={p.region ?? ""} className={field}>
                <option value="">{t("anyRegion")}</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.slug}>
                    {nameOf(r)}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-city" className="font-semibold">
                {t("city")}
              </label>
              <select id="resume-city" name="city" defaultValue={p.city ?? ""} className={field}>
                <option value="">{t("anyCity")}</option>
                {regions.map((r) => (
                  <optgroup key={r.id} label={nameOf(r)}>
                    {catalog.cities
                      .filter((c) => c.regionId === r.id)
                      .map((c) => (
                        <option key={c.id} value={c.slug}>
                          {nameOf(c)}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <Check id="resume-relocate" name="relocate" value="1" checked={p.relocate}>
              {t("relocate")}
            </Check>
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-spec" className="font-semibold">
                {t("specialization")}
              </label>
              <select id="resume-spec" name="spec" defaultValue={selectedSpec} className={field}>
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
            {moreSpecs.flatMap((slug) => {
              const spec = catalog.specializationBySlug.get(slug);
              return spec
                ? [
                    <Check key={slug} id={`resume-spec-${slug}`} name="spec" value={slug} checked>
                      {nameOf(spec)}
                    </Check>,
                  ]
                : [];
            })}
          </div>
          <div className="flex flex-col gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-salary-from" className="font-semibold">
                {t("salaryFrom")}
              </label>
              <input
                id="resume-salary-from"
                name="salary_from"
                type="number"
                inputMode="numeric"
                min={0}
                step={10000}
                defaultValue={p.salaryFrom ?? ""}
                className={field}
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-salary-to" className="font-semibold">
                {t("salaryTo")}
              </label>
              <input
                id="resume-salary-to"
                name="salary_to"
                type="number"
                inputMode="numeric"
                min={0}
                step={10000}
                defaultValue={p.salaryTo ?? ""}
                className={field}
              />
            </div>
            <Check id="resume-with-salary" name="with_salary" value="1" checked={p.withSalary}>
              {t("withSalary")}
            </Check>
            <div className="flex flex-col gap-1">
              <label htmlFor="resume-experience" className="font-semibold">
                {t("experience")}
              </label>
              <select id="resume-experience" name="experience" defaultValue={p.experienceYears ?? ""} className={field}>
                <option value="">{t("experienceAny")}</option>
                {EXPERIENCE_YEARS.map((years) => (
                  <option key={years} value={years}>
                    {t("experienceYears", { years })}
                  </option>
                ))}
              </select>
            </div>
            <Group legend={t("period")}>
              {[null, ...PERIODS].map((days) => {
                const id = `resume-period-${days ?? "any"}`;
                return (
                  <div key={id} className="flex items-center gap-2">
                    <input
                      id={id}
                      type="radio"
                      name="period"
                      value={days ?? ""}
                      defaultChecked={p.period === days}
                      className="size-4"
                    />
                    <label htmlFor={id} className="text-sm">
                      {days === null ? t("periodAny") : t("periodDays", { days })}
                    </label>
                  </div>
                );
              })}
            </Group>
          </div>
          <div className="flex flex-col gap-3">
            <Group legend={t("licences")}>
              <div className="grid grid-cols-3 gap-1.5">
                {LICENCE_CATEGORIES.map((c) => (
                  <Check
                    key={c}
                    id={`resume-licence-${c.toLowerCase()}`}
                    name="licence"
                    value={c.toLowerCase()}
                    checked={p.licences.includes(c)}
                  >
                    {licenceLabel(c)}
                  </Check>
                ))}
              </div>
            </Group>
            <Check id="resume-verified" name="verified" value="1" checked={p.verified}>
              {t("verified")}
            </Check>
          </div>
          <div className="flex flex-col gap-3">
            <Group legend={t("employment")}>
              {EMPLOYMENT_TYPES.map((e) => (
                <Check
                  key={e}
                  id={`resume-employment-${e.toLowerCase()}`}
                  name="employment"
                  value={e.toLowerCase()}
                  checked={p.employment.includes(e)}
                >
                  {tv(`employment.${e}`)}
                </Check>
              ))}
            </Group>
            <Group legend={t("schedule")}>
              {WORK_SCHEDULES.map((s) => (
                <Check
                  key={s}
                  id={`resume-schedule-${s.toLowerCase()}`}
                  name="schedule"
                  value={s.toLowerCase()}
                  checked={p.schedule.includes(s)}
                >
                  {tv(`schedule.${s}`)}
                </Check>
              ))}
            </Group>
            <Group legend={t("languages")} scroll>
              {RESUME_LANGUAGES.map((code) => (
                <Check key={code} id={`resume-lang-${code}`} name="lang" value={code} checked={p.languages.includes(code)}>
                  {languageName(code, locale)}
                </Check>
              ))}
            </Group>
          </div>
          {p.sort ? <input type="hidden" name="sort" value={p.sort} /> : null}
          <div className="sm:col-span-2 lg:col-span-4">
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              {t("apply")}
            </button>
          </div>
        </div>
      </FiltersToggle>
    </form>
  );
}
