import { stringify } from "csv-stringify/sync";

// CSV for Excel as finance opens it: UTF-8 with a byte-order mark (else Excel reads Cyrillic as
// ANSI), ";" between cells (the separator Excel expects where the decimal mark is a comma) and
// CRLF line ends. Text that begins like a formula (= + - @, tab, carriage return) is prefixed with
// an apostrophe so that a spreadsheet shows it instead of evaluating it; amounts are ours and are
// written as numbers with a decimal comma.

export const CSV_BOM = "\uFEFF";

/** A money amount in tiyn, written as a number ("-1500,50"), never escaped. */
export interface CsvAmount {
  tiyn: bigint;
}
export type CsvCell = string | number | CsvAmount | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made inert for spreadsheets: "=HYPERLINK(…)" becomes "'=HYPERLINK(…)". */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function formatCsvAmount(tiyn: bigint): string {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  return `${negative ? "-" : ""}${abs / 100n},${String(abs % 100n).padStart(2, "0")}`;
}

function cell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeFormula(value);
  return formatCsvAmount(value.tiyn);
}

/** Rows as CSV text (no BOM): quoted where a cell holds ";", quotes or line breaks. */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(cell)),
    { delimiter: ";", record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

/** A streamed CSV download: the BOM and header first, then each batch of rows as it is read. */
export function csvResponse(filename: string, header: readonly string[], batches: AsyncIterable<CsvCell[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRows([header])));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvRows(next.value)));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
