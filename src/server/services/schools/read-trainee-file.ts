import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

import { DomainError } from "@/server/errors";

// Reads an uploaded registry file into rows of cells, whatever the school's spreadsheet saved:
// XLSX (its first sheet), or CSV in UTF-8 (with or without a byte-order mark) or Windows-1251 (what
// Excel in Russian writes as "CSV"), separated by ";" or ",". Anything else — another format,
// binary garbage, an empty file, more rows than allowed — is refused with a message key and
// nothing else happens.

export const MAX_IMPORT_ROWS = 5_000;
/** A 5,000-row CSV of the registry's columns takes about 1 MB; XLSX less. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type RawCell = string | number | Date | boolean | null;

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (the header is row 1 when it is the first). */
  number: number;
  cells: RawCell[];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const refuse = (key: string) => new DomainError("VALIDATION", `errors.school.import.${key}`);

/** The rows of the file, empty rows left out (their numbers are skipped). */
export async function readTraineeFile(file: Uint8Array): Promise<SheetRow[]> {
  if (file.byteLength === 0) throw refuse("empty");
  if (file.byteLength > MAX_IMPORT_BYTES) throw refuse("tooLarge");
  if (startsWith(file, OLE2)) throw refuse("oldExcel");
  const rows = startsWith(file, ZIP) ? await readXlsx(file) : readCsv(decodeText(file));
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell !== null && String(cell).trim() !== ""));
  if (nonEmpty.length <= 1) throw refuse("empty");
  if (nonEmpty.length - 1 > MAX_IMPORT_ROWS) throw refuse("tooManyRows");
  return nonEmpty;
}

// Control characters other than tab, line feed and carriage return never occur in a text file.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** UTF-8 when the bytes are valid UTF-8, else Windows-1251; binary content is refused. */
function decodeText(file: Uint8Array): string {
  const bytes = startsWith(file, UTF8_BOM) ? file.subarray(3) : file;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), "win1251");
  }
  if (CONTROL.test(text)) throw refuse("unreadable");
  return text;
}

/** ";" or ",": whichever the header line has more of, outside quotes. */
function delimiterOf(text: string): ";" | "," {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? "").replace(/"[^"]*"/g, "");
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(",") > count(";") ? "," : ";";
}

function readCsv(text: string): SheetRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch {
    throw refuse("unreadable");
  }
  // Guard against a file that is one enormous line or has thousands of columns.
  if (records.some((r) => r.length > 100)) throw refuse("unreadable");
  return records.map((cells, i) => ({ number: i + 1, cells }));
}

/** An XLSX of 5,000 rows unpacks to a few megabytes; far more is a decompression bomb. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

/**
 * What the ZIP's entries add up to once unpacked, as its central directory declares them, or
 * null when the directory cannot be read or uses ZIP64. A cheap first check before the
 * workbook is unpacked into memory; a file that lies about its sizes is not caught by it.
 */
export function zipUnpackedSize(file: Uint8Array): number | null {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let at = file.byteLength - 22; at >= Math.max(0, file.byteLength - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.byteLength || view.getUint32(at, true) !== ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

async function readXlsx(file: Uint8Array): Promise<SheetRow[]> {
  const unpacked = zipUnpackedSize(file);
  if (unpacked === null) throw refuse("unreadable");
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) throw refuse("unpackedTooLarge");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  } catch {
    throw refuse("unreadable");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse("unreadable");
  // Counted before reading cells: a sheet with far too many rows is refused at once.
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) throw refuse("tooManyRows");
  if (sheet.actualColumnCount > 100) throw refuse("unreadable");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** A cell's value as text, number, date or boolean: formulas give their result, rich text its text. */
function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    // A hyperlink (an email typed into Excel becomes one): its text, plain or rich.
    if ("text" in value) return cellValue(value.text as ExcelJS.CellValue);
    if ("error" in value) return null;
  }
  return null;
}
