import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";

import { CONTENT_TYPES, csvFile, headerOf, xlsxFile, type FileDownload, type SheetFormat } from "./export-trainees";
import { columnLabel, TRAINEE_COLUMNS } from "./trainee-columns";

/**
 * An empty registry file to fill in: the header row; the XLSX has a second sheet that says what
 * each column takes. Nothing about any school is in it, so anyone may download it.
 */
export async function traineeTemplate(format: SheetFormat, locale: AppLocale): Promise<FileDownload> {
  const { t } = dynamicTranslator(locale);
  const header = headerOf(locale);
  const body =
    format === "csv"
      ? csvFile(header, [])
      : await xlsxFile(t("school.sheetName"), header, [], {
          name: t("school.hintsSheetName"),
          rows: TRAINEE_COLUMNS.map((c) => [columnLabel(c, locale), t(`school.columnHints.${c}`)]),
        });
  return { filename: `trainees-template.${format}`, contentType: CONTENT_TYPES[format], body };
}
