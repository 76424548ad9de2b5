import { useTranslations } from "next-intl";
import type { Dispatch } from "react";

import type { Option, ResumeEditorAction } from "../resume-editor-state";
import { checkboxRow } from "./editor-section";

export function RelocationRegions(props: { regions: Option[]; selected: number[]; dispatch: Dispatch<ResumeEditorAction> }) {
  const t = useTranslations("resumes");
  const { selected, dispatch } = props;
  return (
    <details className="rounded-md border border-gray-200 p-3" open={selected.length > 0}>
      <summary className="cursor-pointer text-sm font-medium">
        {t("editor.relocation")} {selected.length ? `(${selected.length})` : ""}
      </summary>
      <fieldset className="mt-3">
        <legend className="sr-only">{t("editor.relocation")}</legend>
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {props.regions.map((region) => (
            <label key={region.id} className={checkboxRow}>
              <input
                type="checkbox"
                name="relocationRegionIds"
                value={region.id}
                checked={selected.includes(region.id)}
                onChange={(e) => dispatch({ type: "toggleRegion", id: region.id, on: e.target.checked })}
              />
              {region.name}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
