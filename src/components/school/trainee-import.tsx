"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface PreviewIssue {
  row: number;
  column: string;
  columnLabel: string;
  message: string;
}
interface Preview {
  rows: number;
  validRows: number;
  issues: PreviewIssue[];
}
type State =
  | { kind: "idle" }
  | { kind: "error"; message: string; preview?: Preview }
  | { kind: "preview"; preview: Preview }
  | { kind: "imported"; count: number };

/**
 * Upload a CSV or XLSX file: the preview lists every bad row (row, column, reason); a file without
 * problems can then be imported, all rows or none.
 */
export function TraineeImport(props: { organizationId: number }) {
  const t = useTranslations("schoolRegistry.import");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [busy, setBusy] = useState(false);

  async function send(mode: "preview" | "commit") {
    if (!file) {
      setState({ kind: "error", message: t("chooseFile") });
      return;
    }
    setBusy(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/schools/${props.organizationId}/trainees/import?mode=${mode}&lang=${locale}`, {
        method: "POST",
        body,
      });
      const json = (await response.json().catch(() => null)) as
        (Partial<Preview> & { imported?: number; error?: { message: string } }) | null;
      if (!response.ok || !json) {
        const preview = json?.issues ? { rows: json.rows ?? 0, validRows: json.validRows ?? 0, issues: json.issues } : undefined;
        setState({ kind: "error", message: json?.error?.message ?? t("failed"), preview });
      } else if (mode === "commit") {
        setState({ kind: "imported", count: json.imported ?? 0 });
      } else {
        setState({
          kind: "preview",
          preview: { rows: json.rows ?? 0, validRows: json.validRows ?? 0, issues: json.issues ?? [] },
        });
      }
    } catch {
      setState({ kind: "error", message: t("failed") });
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send("preview");
  }

  const preview = state.kind === "preview" ? state.preview : state.kind === "error" ? state.preview : undefined;
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="traineeFile" className="text-sm font-medium text-gray-800">
            {t("file")}
          </label>
          <input
            id="traineeFile"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="traineeFile-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: "idle" });
            }}
            className="max-w-full text-base"
          />
          <p id="traineeFile-hint" className="text-xs text-gray-600">
            {t("fileHint")}
          </p>
        </div>
        <Button type="submit" disabled={busy} className="self-start">
          {t("check")}
        </Button>
      </form>
      {state.kind === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.kind === "imported" ? <Alert tone="success">{t("imported", { count: state.count })}</Alert> : null}
      {preview ? (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
          <h3 id="preview-heading" className="text-lg font-semibold">
            {t("previewTitle")}
          </h3>
          <p>{t("previewSummary", { rows: preview.rows, valid: preview.validRows, bad: preview.rows - preview.validRows })}</p>
          {preview.issues.length > 0 ? (
            <>
              <p>{t("fixAndRetry")}</p>
              <div className="overflow-x-auto">
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">{t("issuesCaption")}</caption>
                  <thead>
                    <tr className="border-b border-gray-300">
                      <th scope="col" className="px-2 py-1">
                        {t("row")}
                      </th>
                      <th scope="col" className="px-2 py-1">
                        {t("column")}
                      </th>
                      <th scope="col" className="px-2 py-1">
                        {t("reason")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.issues.map((issue, i) => (
                      <tr key={`${issue.row}-${issue.column}-${i}`} className="border-b border-gray-200">
                        <td className="px-2 py-1">{issue.row}</td>
                        <td className="px-2 py-1">{issue.columnLabel}</td>
                        <td className="px-2 py-1">{issue.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : state.kind === "preview" ? (
            <Button type="button" disabled={busy} onClick={() => void send("commit")} className="self-start">
              {t("commit", { count: preview.rows })}
            </Button>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
