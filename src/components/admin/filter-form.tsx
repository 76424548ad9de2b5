import type { ReactNode } from "react";

/**
 * The filters above a staff list: a plain GET form (works without script, the URL holds the
 * filters, so a filtered list can be bookmarked and shared) laid out as a grid of labelled fields.
 */
export function FilterForm({
  label,
  submit,
  columns = 3,
  children,
}: {
  label: string;
  submit: string;
  columns?: 3 | 4;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      className={`grid grid-cols-1 gap-3 rounded-md border border-gray-200 bg-white p-4 ${columns === 4 ? "sm:grid-cols-4" : "sm:grid-cols-3"}`}
      aria-label={label}
    >
      {children}
      <div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-white">
          {submit}
        </button>
      </div>
    </form>
  );
}

const FIELD = "rounded-md border border-gray-400 bg-white px-2 py-1";

/** A select of one filter; `any` adds the empty choice that means "no filter". */
export function FilterSelect({
  label,
  name,
  value,
  options,
  any,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  any?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={FIELD}>
        {any === undefined ? null : <option value="">{any}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A text, number or date input of one filter. */
export function FilterInput({
  label,
  name,
  value,
  type = "text",
  maxLength,
  inputMode,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  type?: "text" | "date";
  maxLength?: number;
  inputMode?: "numeric";
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <input type={type} name={name} defaultValue={value ?? ""} maxLength={maxLength} inputMode={inputMode} className={FIELD} />
    </label>
  );
}

/** The address of another page of a filtered list: the same filters, that page. */
export function filteredPageHref(path: string, search: Record<string, string | string[] | undefined>, page: number) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (typeof value === "string" && key !== "page") q.set(key, value);
  q.set("page", String(page));
  return `${path}?${q.toString()}`;
}

/** A date filter's value as the user typed it (the page validates it separately). */
export function rawParam(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}
