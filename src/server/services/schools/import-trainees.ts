import type { LicenceCategory, Sex, TraineeStatus } from "@/generated/prisma/enums";
import { dateToDay, parseDay } from "@/lib/schools/calendar-day";
import { parseLicenceCategory } from "@/lib/schools/licence-categories";
import { traineeIssues } from "@/lib/schools/trainee-rules";
import { emailSchema } from "@/lib/validation/auth";
import { normalizeKzMobile } from "@/lib/validation/phone";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { readTraineeFile, type RawCell, type SheetRow } from "./read-trainee-file";
import { assertSchoolWritable, requireSchoolWriter, schoolToday, type SchoolMember } from "./school-access";
import { columnOfHeader, parseSex, parseStatus, REQUIRED_COLUMNS, type TraineeColumn } from "./trainee-columns";
import { iinTaken } from "./trainee-checks";

// Import of the registry from a spreadsheet: every row is checked against the same rules as the
// form, plus duplicates within the file and against the registry; the preview lists every
// problem with its row, column and reason; the commit writes all rows in one transaction or
// none (it checks the file again there, so what it writes is what it checked).

export interface ImportIssue {
  /** The spreadsheet's row number (1 is the header). */
  row: number;
  column: TraineeColumn;
  messageKey: string;
}

export interface ImportPreview {
  /** Data rows read (empty rows are not counted). */
  rows: number;
  /** Rows without a problem. */
  validRows: number;
  issues: ImportIssue[];
}

interface ParsedTrainee {
  row: number;
  fullName: string;
  iin: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  category: LicenceCategory;
  groupId: number | null;
  status: TraineeStatus;
  certificate: { number: string; date: string } | null;
  guardian: { name: string; relation: string; consentOn: string } | null;
}

/** A cell as text: exports prefix formula-like text with "'" (csv.ts), which comes off here. */
function text(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return dateToDay(cell);
  const value = String(cell);
  return (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value).trim();
}

/** A day from a date cell or from text. Excel keeps dates as days at UTC midnight. */
function day(cell: RawCell | undefined): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : dateToDay(cell);
  return parseDay(text(cell));
}

/**
 * An IIN kept in a number cell loses its leading zero (people born in 2000-2009), in the XLSX and
 * in a CSV that Excel saved from it: eleven digits get the zero back. A mistyped IIN that happens
 * to have eleven digits is still refused, by its check digit or its birth date.
 */
function iinText(cell: RawCell | undefined): string {
  const digits = typeof cell === "number" && Number.isInteger(cell) && cell >= 0 ? String(cell) : text(cell).replace(/\s+/g, "");
  return /^\d{11}$/.test(digits) ? `0${digits}` : digits;
}

interface SchoolGroupRef {
  id: number;
  name: string;
  category: LicenceCategory;
  endsOn: string;
}

interface SchoolState {
  groups: SchoolGroupRef[];
  existingIins: Set<string>;
}

async function loadSchoolState(tx: DbTx, organizationId: number, iins: string[]): Promise<SchoolState> {
  const groups = await tx.schoolGroup.findMany({
    where: { organizationId },
    select: { id: true, name: true, category: true, endsOn: true },
  });
  const existing = await tx.trainee.findMany({ where: { organizationId, iin: { in: iins } }, select: { iin: true } });
  return {
    groups: groups.map((g) => ({ id: g.id, name: g.name, category: g.category, endsOn: dateToDay(g.endsOn) })),
    existingIins: new Set(existing.map((t) => t.iin)),
  };
}

/** The group a cell names: by its exact name, else by the name in any case when only one matches. */
function groupNamed(state: SchoolState, name: string): SchoolGroupRef | null {
  const exact = state.groups.find((g) => g.name === name);
  if (exact) return exact;
  const loose = state.groups.filter((g) => g.name.toLowerCase() === name.toLowerCase());
  return loose.length === 1 ? loose[0]! : null;
}

/** Checks every row; the trainees are returned only when there is no issue at all. */
function checkRows(rows: SheetRow[], state: SchoolState, today: string) {
  const issues: ImportIssue[] = [];
  const [header, ...data] = rows;
  const positions = new Map<TraineeColumn, number>();
  header!.cells.forEach((cell, index) => {
    const column = columnOfHeader(text(cell));
    if (column && !positions.has(column)) positions.set(column, index);
  });
  if (positions.size === 0) throw new DomainError("VALIDATION", "errors.school.import.noHeader");
  for (const column of REQUIRED_COLUMNS) {
    if (!positions.has(column)) issues.push({ row: header!.number, column, messageKey: "errors.school.import.columnMissing" });
  }
  if (issues.length > 0) return { issues, trainees: [] as ParsedTrainee[], rows: data.length };

  const cellOf = (row: SheetRow, column: TraineeColumn) => {
    const at = positions.get(column);
    return at === undefined ? null : row.cells[at];
  };
  const trainees: ParsedTrainee[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const rowIssues: ImportIssue[] = [];
    const issue = (column: TraineeColumn, messageKey: string) => rowIssues.push({ row: row.number, column, messageKey });
    const get = (column: TraineeColumn) => text(cellOf(row, column));

    const fullName = get("fullName");
    if (fullName.length < 2) issue("fullName", fullName ? "validation.nameTooShort" : "validation.required");
    else if (fullName.length > 200) issue("fullName", "validation.trainee.nameTooLong");

    const iin = iinText(cellOf(row, "iin"));
    if (!iin) issue("iin", "validation.required");
    else if (!/^\d{12}$/.test(iin)) issue("iin", "validation.trainee.iinFormat");

    const birthDate = day(cellOf(row, "birthDate"));
    if (!birthDate) issue("birthDate", get("birthDate") ? "validation.trainee.date" : "validation.required");

    const sex = parseSex(get("sex"));
    if (!sex) issue("sex", get("sex") ? "validation.trainee.sex" : "validation.required");

    let phone: string | null = null;
    if (get("phone")) {
      phone = normalizeKzMobile(get("phone"));
      if (!phone) issue("phone", "validation.phoneKz");
    }
    let email: string | null = null;
    if (get("email")) {
      const parsed = emailSchema.safeParse(get("email"));
      if (parsed.success) email = parsed.data;
      else issue("email", "validation.email");
    }

    const category = parseLicenceCategory(get("category"));
    if (!category) issue("category", get("category") ? "validation.trainee.category" : "validation.required");

    let groupId: number | null = null;
    let courseEndsOn: string | null = null;
    if (get("group")) {
      const group = groupNamed(state, get("group"));
      if (!group) issue("group", "errors.school.groupNotFound");
      else {
        groupId = group.id;
        courseEndsOn = group.endsOn;
        if (category && group.category !== category) issue("category", "validation.trainee.categoryNotGroup");
      }
    }

    const status = get("status") ? parseStatus(get("status")) : "ENROLLED";
    if (!status) issue("status", "validation.trainee.status");
    let certificate: ParsedTrainee["certificate"] = null;
    const certificateNumber = get("certificateNumber");
    const certificateDate = day(cellOf(row, "certificateDate"));
    if (status === "GRADUATED") {
      if (!certificateNumber) issue("certificateNumber", "validation.trainee.certificateRequired");
      else if (certificateNumber.length > 50) issue("certificateNumber", "validation.trainee.certificateTooLong");
      if (!certificateDate)
        issue("certificateDate", get("certificateDate") ? "validation.trainee.date" : "validation.trainee.certificateRequired");
      else if (certificateDate > today) issue("certificateDate", "validation.trainee.dateFuture");
      if (certificateNumber && certificateDate) certificate = { number: certificateNumber, date: certificateDate };
    } else if (status && (certificateNumber || get("certificateDate"))) {
      issue(certificateNumber ? "certificateNumber" : "certificateDate", "validation.trainee.certificateOnlyGraduates");
    }

    let guardian: ParsedTrainee["guardian"] = null;
    const guardianName = get("guardianName");
    const guardianRelation = get("guardianRelation");
    const consentText = get("guardianConsentOn");
    if (guardianName || guardianRelation || consentText) {
      const consentOn = day(cellOf(row, "guardianConsentOn"));
      if (!guardianName) issue("guardianName", "validation.trainee.guardianIncomplete");
      else if (guardianName.length > 200) issue("guardianName", "validation.trainee.nameTooLong");
      if (!guardianRelation) issue("guardianRelation", "validation.trainee.guardianIncomplete");
      else if (guardianRelation.length > 60) issue("guardianRelation", "validation.trainee.relationTooLong");
      if (!consentText) issue("guardianConsentOn", "validation.trainee.guardianIncomplete");
      else if (!consentOn) issue("guardianConsentOn", "validation.trainee.date");
      if (guardianName && guardianRelation && consentOn) guardian = { name: guardianName, relation: guardianRelation, consentOn };
    }

    if (/^\d{12}$/.test(iin) && birthDate && sex && category) {
      const guardianPartial = Boolean(guardianName || guardianRelation || consentText) && !guardian;
      for (const found of traineeIssues({ iin, birthDate, sex, category, guardian }, { today, courseEndsOn })) {
        // A half-filled guardian is already reported on its own columns.
        if (found.field === "guardian" && guardianPartial) continue;
        const column: TraineeColumn = found.field === "guardian" ? "guardianName" : found.field;
        issue(column, found.messageKey);
      }
      const firstRow = seen.get(iin);
      if (firstRow !== undefined) issue("iin", "validation.trainee.iinDuplicateInFile");
      else {
        seen.set(iin, row.number);
        if (state.existingIins.has(iin)) issue("iin", "validation.trainee.iinTaken");
      }
    }

    if (rowIssues.length > 0) issues.push(...rowIssues);
    else {
      trainees.push({
        row: row.number,
        fullName,
        iin,
        birthDate: birthDate!,
        sex: sex!,
        phone,
        email,
        category: category!,
        groupId,
        status: status!,
        certificate,
        guardian,
      });
    }
  }
  return { issues, trainees, rows: data.length };
}

/** The IINs in the file's IIN column, for one query of the registry's twins. */
function iinsOf(rows: SheetRow[]): string[] {
  const at = rows[0]!.cells.findIndex((cell) => columnOfHeader(text(cell)) === "iin");
  if (at < 0) return [];
  return [
    ...new Set(
      rows
        .slice(1)
        .map((row) => iinText(row.cells[at]))
        .filter((iin) => /^\d{12}$/.test(iin)),
    ),
  ];
}

async function check(tx: DbTx, member: SchoolMember, rows: SheetRow[]) {
  const state = await loadSchoolState(tx, member.organizationId, iinsOf(rows));
  return checkRows(rows, state, schoolToday());
}

/**
 * All rows in one statement: 5,000 rows of 15 columns are more bind parameters than PostgreSQL
 * takes in one query, so the columns travel as arrays and unnest into rows.
 */
async function insertTrainees(tx: DbTx, organizationId: number, trainees: ParsedTrainee[]): Promise<number[]> {
  const column = <T>(pick: (t: ParsedTrainee) => T) => trainees.map(pick);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO trainees (organization_id, group_id, full_name, iin, birth_date, sex, phone, email, category, status,
      certificate_number, certificate_date, guardian_name, guardian_relation, guardian_consent_on)
    SELECT ${organizationId}, u.group_id, u.full_name, u.iin, u.birth_date::date, u.sex::"Sex", u.phone, u.email,
      u.category::"LicenceCategory", u.status::"TraineeStatus", u.certificate_number, u.certificate_date::date,
      u.guardian_name, u.guardian_relation, u.guardian_consent_on::date
    FROM unnest(
      ${column((t) => t.groupId)}::int[], ${column((t) => t.fullName)}::text[], ${column((t) => t.iin)}::text[],
      ${column((t) => t.birthDate)}::text[], ${column((t) => t.sex)}::text[], ${column((t) => t.phone)}::text[],
      ${column((t) => t.email)}::text[], ${column((t) => t.category)}::text[], ${column((t) => t.status)}::text[],
      ${column((t) => t.certificate?.number ?? null)}::text[], ${column((t) => t.certificate?.date ?? null)}::text[],
      ${column((t) => t.guardian?.name ?? null)}::text[], ${column((t) => t.guardian?.relation ?? null)}::text[],
      ${column((t) => t.guardian?.consentOn ?? null)}::text[]
    ) AS u(group_id, full_name, iin, birth_date, sex, phone, email, category, status, certificate_number,
      certificate_date, guardian_name, guardian_relation, guardian_consent_on)
    RETURNING id`;
  return rows.map((r) => r.id);
}

/** What importing the file would do: every problem, nothing written. */
export async function previewTraineeImport(actor: Actor, organizationId: number, file: Uint8Array): Promise<ImportPreview> {
  const member = await requireSchoolWriter(actor, organizationId);
  const rows = await readTraineeFile(file);
  const result = await check(db, member, rows);
  return { rows: result.rows, validRows: result.trainees.length, issues: result.issues };
}

export type ImportOutcome = { imported: number; preview: null } | { imported: 0; preview: ImportPreview };

/**
 * Imports the file: all rows, each with the first row of its status history, in one transaction,
 * or nothing when any row has a problem (the preview is returned then).
 */
export async function commitTraineeImport(actor: Actor, organizationId: number, file: Uint8Array): Promise<ImportOutcome> {
  const member = await requireSchoolWriter(actor, organizationId);
  const rows = await readTraineeFile(file);
  const today = schoolToday();
  try {
    return await db.$transaction(
      async (tx) => {
        await assertSchoolWritable(tx, organizationId);
        const result = await check(tx, member, rows);
        if (result.issues.length > 0) {
          return {
            imported: 0 as const,
            preview: { rows: result.rows, validRows: result.trainees.length, issues: result.issues },
          };
        }
        const created = await insertTrainees(tx, organizationId, result.trainees);
        // The first row of each history: the status it arrives with, dated by the certificate
        // for a graduate, else today.
        await tx.$executeRaw`
          INSERT INTO trainee_status_changes (trainee_id, status, effective_on, changed_by_id)
          SELECT id, status, COALESCE(certificate_date, ${today}::date), ${member.userId}
          FROM trainees WHERE id = ANY(${created}::int[])`;
        await audit(
          tx,
          member,
          "school.trainee.import",
          { type: "organization", id: organizationId },
          { data: { rows: created.length } },
        );
        return { imported: created.length, preview: null };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // Another import or form added one of these IINs meanwhile: nothing was written.
    if (iinTaken(error)) throw new DomainError("CONFLICT", "errors.school.import.concurrent");
    throw error;
  }
}
