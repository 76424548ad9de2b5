import ExcelJS from "exceljs";

import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { licenceCategoryLabel } from "@/lib/schools/licence-categories";
import { traineeListSchema } from "@/lib/validation/school";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import { CSV_BOM, csvRows, escapeFormula } from "@/server/services/billing/documents/csv";

import { traineeWhere, type TraineeFilters } from "./list-trainees";
import { requireSchoolReader } from "./school-access";
import { columnLabel, sexLabel, statusLabel, TRAINEE_COLUMNS, type TraineeColumn } from "./trainee-columns";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

// The registry as a file in the import's own layout (so it imports back), in the reader's
// language. Text that a spreadsheet would take for a formula (= + - @, tab, CR) is prefixed with
// "'" in CSV and XLSX alike: an XLSX text cell is inert, but not once copied or saved as CSV.

export type SheetFormat = "csv" | "xlsx";

export interface FileDownload {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Days as people in Kazakhstan write them. */
const dotted = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

function cells(t: TraineeView, locale: AppLocale): Record<TraineeColumn, string> {
  return {
    fullName: t.fullName,
    iin: t.iin,
    birthDate: dotted(t.birthDate),
    sex: sexLabel(t.sex, locale),
    phone: t.phone ?? "",
    email: t.email ?? "",
    category: licenceCategoryLabel(t.category),
    group: t.group?.name ?? "",
    status: statusLabel(t.status, locale),
    certificateNumber: t.certificate?.number ?? "",
    certificateDate: t.certificate ? dotted(t.certificate.date) : "",
    guardianName: t.guardian?.name ?? "",
    guardianRelation: t.guardian?.relation ?? "",
    guardianConsentOn: t.guardian ? dotted(t.guardian.consentOn) : "",
  };
}

export const headerOf = (locale: AppLocale) => TRAINEE_COLUMNS.map((c) => columnLabel(c, locale));

/** Rows as a CSV file: UTF-8 with a BOM, ";" and CRLF, the way Excel in Russian opens it. */
export function csvFile(header: string[], rows: string[][]): Uint8Array {
  return new TextEncoder().encode(CSV_BOM + csvRows([header, ...rows]));
}

/** Rows as an XLSX workbook; every cell is text (an IIN keeps its leading zero). */
export async function xlsxFile(
  sheetName: string,
  header: string[],
  rows: string[][],
  notes?: { name: string; rows: string[][] },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = header.map((label) => ({
    header: escapeFormula(label),
    width: Math.max(12, Math.min(40, label.length + 4)),
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) sheet.addRow(row.map(escapeFormula));
  if (notes) {
    const sheet2 = workbook.addWorksheet(notes.name.slice(0, 31));
    for (const row of notes.rows) sheet2.addRow(row.map(escapeFormula));
    sheet2.getColumn(1).width = 28;
    sheet2.getColumn(2).width = 90;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The trainees the reader may see that match the filters, as a CSV or XLSX download. */
export async function exportTrainees(
  actor: Actor,
  organizationId: number,
  filters: TraineeFilters,
  format: SheetFormat,
  locale: AppLocale,
): Promise<FileDownload> {
  const member = await requireSchoolReader(actor, organizationId);
  const parsed = traineeListSchema.omit({ page: true, pageSize: true }).parse(filters);
  const rows = await db.trainee.findMany({
    where: traineeWhere(member, parsed),
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    select: traineeViewSelect,
  });
  const header = headerOf(locale);
  const data = rows.map((row) => {
    const values = cells(toTraineeView(row), locale);
    return TRAINEE_COLUMNS.map((c) => values[c]);
  });
  const { t } = dynamicTranslator(locale);
  const filename = `trainees-${organizationId}.${format}`;
  const body = format === "csv" ? csvFile(header, data) : await xlsxFile(t("school.sheetName"), header, data);
  return { filename, contentType: CONTENT_TYPES[format], body };
}
