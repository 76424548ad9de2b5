import type { Sex, TraineeStatus } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { TRAINEE_STATUSES } from "@/lib/validation/school";

// The registry's spreadsheet layout, one list for the import, the export and the template, so an
// exported file imports back. Headers are recognised in Russian, in Kazakh and by the keys below.

export const TRAINEE_COLUMNS = [
  "fullName",
  "iin",
  "birthDate",
  "sex",
  "phone",
  "email",
  "category",
  "group",
  "status",
  "certificateNumber",
  "certificateDate",
  "guardianName",
  "guardianRelation",
  "guardianConsentOn",
] as const;
export type TraineeColumn = (typeof TRAINEE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly TraineeColumn[] = ["fullName", "iin", "birthDate", "sex", "category"];

const LOCALES: readonly AppLocale[] = ["ru", "kk"];

/** Header text as compared: case, spaces, "ё" and punctuation around it do not matter. */
export const normalizeLabel = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s_*.:]+/g, " ")
    .trim();

interface Labels {
  columns: Record<TraineeColumn, string>;
  sex: Record<Sex, string>;
  status: Record<TraineeStatus, string>;
}
const cache = new Map<AppLocale, Labels>();

/** The catalogue's labels of one language, read once. */
function labels(locale: AppLocale): Labels {
  let found = cache.get(locale);
  if (!found) {
    const { t } = dynamicTranslator(locale);
    found = {
      columns: Object.fromEntries(TRAINEE_COLUMNS.map((c) => [c, t(`school.columns.${c}`)])) as Labels["columns"],
      sex: { MALE: t("school.sex.MALE"), FEMALE: t("school.sex.FEMALE") },
      status: Object.fromEntries(TRAINEE_STATUSES.map((s) => [s, t(`school.status.${s}`)])) as Labels["status"],
    };
    cache.set(locale, found);
  }
  return found;
}

export const columnLabel = (column: TraineeColumn, locale: AppLocale) => labels(locale).columns[column];
export const sexLabel = (sex: Sex, locale: AppLocale) => labels(locale).sex[sex];
export const statusLabel = (status: TraineeStatus, locale: AppLocale) => labels(locale).status[status];

/** Which column a header names, or null. */
export function columnOfHeader(header: string): TraineeColumn | null {
  const wanted = normalizeLabel(header);
  if (wanted === "") return null;
  for (const column of TRAINEE_COLUMNS) {
    if (normalizeLabel(column) === wanted) return column;
    if (LOCALES.some((locale) => normalizeLabel(columnLabel(column, locale)) === wanted)) return column;
  }
  return null;
}

// Short forms people write in the sex column, besides the labels: Russian М/Ж, Kazakh Е/Ә (ер,
// әйел), Latin M/F.
const SEX_WORDS: Record<string, Sex> = {
  м: "MALE",
  муж: "MALE",
  мужской: "MALE",
  е: "MALE",
  ер: "MALE",
  m: "MALE",
  male: "MALE",
  ж: "FEMALE",
  жен: "FEMALE",
  женский: "FEMALE",
  ә: "FEMALE",
  әйел: "FEMALE",
  f: "FEMALE",
  female: "FEMALE",
};

export function parseSex(text: string): Sex | null {
  const wanted = normalizeLabel(text);
  if (SEX_WORDS[wanted]) return SEX_WORDS[wanted];
  for (const sex of ["MALE", "FEMALE"] as const) {
    if (LOCALES.some((locale) => normalizeLabel(sexLabel(sex, locale)) === wanted)) return sex;
  }
  return null;
}

export function parseStatus(text: string): TraineeStatus | null {
  const wanted = normalizeLabel(text);
  for (const status of TRAINEE_STATUSES) {
    if (normalizeLabel(status) === wanted) return status;
    if (LOCALES.some((locale) => normalizeLabel(statusLabel(status, locale)) === wanted)) return status;
  }
  return null;
}
