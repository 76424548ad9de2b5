import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { localName } from "@/lib/local-name";
import { trpc } from "@/trpc/react";

import type { Option } from "../resume-editor-state";

/** Picks the organisations an "all except" resume is hidden from, by name. */
export function HiddenOrganizations(props: { hidden: Option[]; onChange: (list: Option[]) => void; errors?: string[] }) {
  const t = useTranslations("resumes.editor");
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const [term, setTerm] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setTerm(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  const found = trpc.seeker.resumes.organizations.useQuery({ query: term }, { enabled: term.length >= 2 });
  const chosen = new Set(props.hidden.map((o) => o.id));
  return (
    <div className="flex flex-col gap-3">
      {props.hidden.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("hiddenFrom")}>
          {props.hidden.map((org) => (
            <li key={org.id} className="flex items-center gap-1 rounded-full bg-gray-100 py-1 pr-1 pl-3 text-sm">
              {org.name}
              <button
                type="button"
                className="rounded-full px-2 py-0.5 hover:bg-gray-200"
                aria-label={t("unhide", { name: org.name })}
                onClick={() => props.onChange(props.hidden.filter((o) => o.id !== org.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        id="hiddenOrganizationIds"
        label={t("findOrganization")}
        hint={t("findOrganizationHint")}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        errors={props.errors}
      />
      <div aria-live="polite">
        {term.length >= 2 && found.data ? (
          found.data.length ? (
            <ul className="flex flex-col gap-1">
              {found.data.map((org) => (
                <li key={org.id} className="flex items-center justify-between gap-2 text-sm">
                  <span>
                    {org.displayName}
                    {org.city ? <span className="text-gray-600"> · {localName(org.city, locale)}</span> : null}
                  </span>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={chosen.has(org.id)}
                    onClick={() => props.onChange([...props.hidden, { id: org.id, name: org.displayName }])}
                  >
                    {chosen.has(org.id) ? t("hidden") : t("hide")}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-700">{t("nothingFound")}</p>
          )
        ) : null}
      </div>
    </div>
  );
}
