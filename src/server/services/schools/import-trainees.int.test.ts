import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import {
  adultTrainee,
  createSchool,
  daysFromToday,
  iinFor,
  registryCounts,
  today,
  yearsAgo,
  type SchoolFixture,
} from "../../../../test/support/school-factories";

import { createGroup } from "./create-group";
import { createTrainee } from "./create-trainee";
import { exportTrainees } from "./export-trainees";
import { commitTraineeImport, previewTraineeImport } from "./import-trainees";
import { readTraineeFile } from "./read-trainee-file";
import { traineeTemplate } from "./trainee-template";

const HEADER = [
  "ФИО",
  "ИИН",
  "Дата рождения",
  "Пол",
  "Телефон",
  "Email",
  "Категория",
  "Группа",
  "ФИО представителя",
  "Кем приходится",
  "Дата согласия представителя",
];
const dotted = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/** A row of a valid adult, in HEADER's order. */
function row(
  overrides: Partial<
    Record<
      "name" | "iin" | "birth" | "sex" | "phone" | "email" | "category" | "group" | "gName" | "gRelation" | "gConsent",
      string
    >
  > = {},
) {
  const t = adultTrainee();
  return [
    overrides.name ?? t.fullName,
    overrides.iin ?? t.iin,
    overrides.birth ?? dotted(t.birthDate),
    overrides.sex ?? "М",
    overrides.phone ?? "+7 701 234 56 78",
    overrides.email ?? "",
    overrides.category ?? "B",
    overrides.group ?? "",
    overrides.gName ?? "",
    overrides.gRelation ?? "",
    overrides.gConsent ?? "",
  ];
}

const csv = (rows: string[][], delimiter = ";") =>
  rows
    .map((r) => r.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter))
    .join("\r\n");
const utf8 = (text: string) => new TextEncoder().encode(text);

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Лист1");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A copy of the ZIP whose central directory declares its first entry `size` bytes unpacked. */
function declaringUnpackedSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at < copy.byteLength - 4; at++) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error("no central directory");
}

async function refusedWithoutWriting(school: SchoolFixture, file: Uint8Array, messageKey: string) {
  const before = await registryCounts();
  await expect(previewTraineeImport(school.owner, school.organizationId, file)).rejects.toMatchObject({
    code: "VALIDATION",
    messageKey,
  });
  await expect(commitTraineeImport(school.owner, school.organizationId, file)).rejects.toMatchObject({
    code: "VALIDATION",
    messageKey,
  });
  expect(await registryCounts()).toEqual(before);
}

describe("reading files", () => {
  it("reads UTF-8 with ';', UTF-8 with a BOM and ',', and Windows-1251", async () => {
    const rows = [HEADER, row({ name: "Әлихан Бөкейхан" })];
    const plain = await readTraineeFile(utf8(csv(rows)));
    const bom = await readTraineeFile(utf8("\uFEFF" + csv(rows, ",")));
    const cp1251 = await readTraineeFile(new Uint8Array(iconv.encode(csv([HEADER, row({ name: "Иванов Пётр" })]), "win1251")));
    expect(plain[1]!.cells[0]).toBe("Әлихан Бөкейхан");
    expect(bom.map((r) => r.cells)).toEqual(plain.map((r) => r.cells));
    expect(cp1251[0]!.cells).toEqual(HEADER);
    expect(cp1251[1]!.cells[0]).toBe("Иванов Пётр");
  });

  it("keeps quoted separators and line breaks inside a cell", async () => {
    const rows = await readTraineeFile(utf8(`ФИО;ИИН\r\n"Иванов; Иван";1\r\n"два\nстроки";2\r\n`));
    expect(rows.map((r) => r.cells)).toEqual([
      ["ФИО", "ИИН"],
      ["Иванов; Иван", "1"],
      ["два\nстроки", "2"],
    ]);
  });

  it("refuses empty files, a header alone, other formats, garbage and more than 5,000 rows", async () => {
    const school = await createSchool();
    const workbook = await xlsx([HEADER, row()]);
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(), "errors.school.import.empty"],
      [utf8("\r\n\r\n;;;\r\n"), "errors.school.import.empty"],
      [utf8(csv([HEADER])), "errors.school.import.empty"],
      [
        utf8("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\u0001\u0002\u0003\nendstream"),
        "errors.school.import.unreadable",
      ],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
        "errors.school.import.unreadable",
      ],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "errors.school.import.oldExcel"],
      [workbook.subarray(0, Math.floor(workbook.byteLength / 2)), "errors.school.import.unreadable"],
      [new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), "errors.school.import.unreadable"],
      [utf8('ФИО;ИИН\r\n"не закрыта;1\r\n'), "errors.school.import.unreadable"],
      [utf8("Просто текст, не таблица.\r\nИ ещё строка."), "errors.school.import.noHeader"],
      [utf8(csv([HEADER, ...Array.from({ length: 5_001 }, () => row())])), "errors.school.import.tooManyRows"],
      [await xlsx([HEADER, ...Array.from({ length: 5_001 }, () => row())]), "errors.school.import.tooManyRows"],
      [new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41), "errors.school.import.tooLarge"],
      [declaringUnpackedSize(workbook, 0x7fff_0000), "errors.school.import.unpackedTooLarge"],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), "errors.school.import.unreadable"],
    ];
    for (const [file, key] of cases) await refusedWithoutWriting(school, file, key);
  });

  it("takes exactly 5,000 rows", async () => {
    const rows = await readTraineeFile(utf8(csv([HEADER, ...Array.from({ length: 5_000 }, () => row())])));
    expect(rows).toHaveLength(5_001);
  });
});

describe("the preview", () => {
  it("lists every bad row with its row number, column and reason, and writes nothing", async () => {
    const school = await createSchool();
    const groupC = await createGroup(school.owner, school.organizationId, {
      name: "C-1",
      category: "C",
      startsOn: daysFromToday(-10),
      endsOn: daysFromToday(80),
      instructorId: null,
      schedule: null,
    });
    expect(groupC.name).toBe("C-1");
    const registered = await createTrainee(school.owner, school.organizationId, adultTrainee());
    const good = row();
    const adult = adultTrainee();
    const wrongCheck = adult.iin.slice(0, 11) + String((Number(adult.iin[11]) + 1) % 10);
    const minorBirth = yearsAgo(16, 10);
    const minorIin = iinFor(minorBirth, "FEMALE");
    const file = utf8(
      csv([
        HEADER,
        good, // row 2
        row({ iin: wrongCheck, birth: dotted(adult.birthDate) }), // 3: check digit
        row({ iin: adult.iin, birth: dotted(yearsAgo(30, 41)) }), // 4: birth date against the IIN
        row({ iin: iinFor(adult.birthDate, "MALE"), birth: dotted(adult.birthDate), sex: "Ж" }), // 5: sex against the IIN
        row({ birth: "31.02.1990" }), // 6: no such date
        row({ category: "B2" }), // 7: category
        row({ iin: good[1]!, birth: good[2]! }), // 8: twin of row 2
        row({ iin: registered.iin, birth: dotted(registered.birthDate) }), // 9: in the registry already
        row({ iin: minorIin, birth: dotted(minorBirth), sex: "Ж", category: "A1" }), // 10: minor without consent
        row({ group: "Нет такой" }), // 11: unknown group
        row({ group: "c-1", category: "B" }), // 12: category not the group's
        row({ name: "", phone: "123", email: "x@", sex: "?" }), // 13: four problems at once
        row({ iin: minorIin.slice(0, 11) + "0", birth: dotted(minorBirth), gName: "Мать" }), // 14
        [],
        row({
          iin: iinFor(minorBirth, "FEMALE"),
          birth: dotted(minorBirth),
          sex: "ә",
          category: "а1",
          gName: "Бөкейханова Сара",
          gRelation: "мать",
          gConsent: dotted(today()),
        }), // 16: fine
      ]),
    );
    const before = await registryCounts();
    const preview = await previewTraineeImport(school.manager, school.organizationId, file);
    expect(await registryCounts()).toEqual(before);
    const found = preview.issues.map((i) => `${i.row} ${i.column} ${i.messageKey}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "3 iin validation.trainee.iinCheckDigit",
        "4 birthDate validation.trainee.iinBirthDate",
        "5 sex validation.trainee.iinSex",
        "6 birthDate validation.trainee.date",
        "7 category validation.trainee.category",
        "8 iin validation.trainee.iinDuplicateInFile",
        "9 iin validation.trainee.iinTaken",
        "10 guardianName validation.trainee.guardianConsentRequired",
        "11 group errors.school.groupNotFound",
        "12 category validation.trainee.categoryNotGroup",
        "13 fullName validation.required",
        "13 sex validation.trainee.sex",
        "13 phone validation.phoneKz",
        "13 email validation.email",
        "14 guardianRelation validation.trainee.guardianIncomplete",
        "14 guardianConsentOn validation.trainee.guardianIncomplete",
      ]),
    );
    const badRows = [...new Set(preview.issues.map((i) => i.row))].sort((a, b) => a - b);
    expect(badRows).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(preview).toMatchObject({ rows: 14, validRows: 2 });

    // The commit refuses the same file whole.
    const outcome = await commitTraineeImport(school.owner, school.organizationId, file);
    expect(outcome.imported).toBe(0);
    expect(outcome.preview?.issues).toEqual(preview.issues);
    expect(await registryCounts()).toEqual(before);
  });

  it("names a missing required column on the header row", async () => {
    const school = await createSchool();
    const preview = await previewTraineeImport(
      school.owner,
      school.organizationId,
      utf8(
        csv([
          ["ФИО", "ИИН", "Пол"],
          ["Иванов Иван", "1", "М"],
        ]),
      ),
    );
    expect(preview.issues.map((i) => `${i.row} ${i.column} ${i.messageKey}`)).toEqual([
      "1 birthDate errors.school.import.columnMissing",
      "1 category errors.school.import.columnMissing",
    ]);
  });

  it("is only for owners and managers of the school", async () => {
    const school = await createSchool();
    const file = utf8(csv([HEADER, row()]));
    for (const actor of [school.observer, school.instructorA]) {
      await expect(previewTraineeImport(actor, school.organizationId, file)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(commitTraineeImport(actor, school.organizationId, file)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const other = await createSchool();
    await expect(commitTraineeImport(other.owner, school.organizationId, file)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the commit", () => {
  it("writes every row with its status history in one go, from CSV or XLSX", async () => {
    const school = await createSchool();
    await createGroup(school.owner, school.organizationId, {
      name: "B-12",
      category: "B",
      startsOn: daysFromToday(-10),
      endsOn: daysFromToday(80),
      instructorId: school.instructorA.membershipId,
      schedule: null,
    });
    const rows = Array.from({ length: 40 }, (_, i) => row({ name: `Обучающийся ${i}`, group: i % 2 ? "b-12" : "" }));
    const outcome = await commitTraineeImport(school.manager, school.organizationId, utf8(csv([HEADER, ...rows])));
    expect(outcome).toEqual({ imported: 40, preview: null });
    expect(await db.trainee.count({ where: { organizationId: school.organizationId } })).toBe(40);
    expect(await db.trainee.count({ where: { organizationId: school.organizationId, groupId: { not: null } } })).toBe(20);
    expect(
      await db.traineeStatusChange.count({ where: { trainee: { organizationId: school.organizationId }, status: "ENROLLED" } }),
    ).toBe(40);
    expect(
      await db.auditLog.findFirst({ where: { action: "school.trainee.import", entityId: String(school.organizationId) } }),
    ).toMatchObject({
      data: { rows: 40 },
    });

    // XLSX with real date cells, an IIN typed as a number (a leading zero lost) and statuses.
    const born2005 = "2005-01-15";
    const iin2005 = iinFor(born2005, "FEMALE");
    expect(iin2005.startsWith("0")).toBe(true);
    const graduate = adultTrainee();
    const workbook = await xlsx([
      ["фио", "иин", "дата рождения", "пол", "категория", "статус", "номер свидетельства", "дата свидетельства"],
      ["Сапарова Дана", Number(iin2005), new Date(`${born2005}T00:00:00Z`), "Ж", "B", "Обучается", null, null],
      [
        graduate.fullName,
        graduate.iin,
        dotted(graduate.birthDate),
        "м",
        "B",
        "Выпущен",
        "АШ-77",
        new Date(`${daysFromToday(-5)}T00:00:00Z`),
      ],
    ]);
    expect(await commitTraineeImport(school.owner, school.organizationId, workbook)).toEqual({ imported: 2, preview: null });

    // The same IIN saved by Excel into a CSV without its zero, and an email kept as a hyperlink.
    const born2007 = "2007-03-09";
    const iin2007 = iinFor(born2007, "MALE");
    const adult = adultTrainee();
    const linked = await xlsx([
      [
        "ФИО",
        "ИИН",
        "Дата рождения",
        "Пол",
        "Категория",
        "Email",
        "ФИО представителя",
        "Кем приходится",
        "Дата согласия представителя",
      ],
      [
        adult.fullName,
        adult.iin,
        dotted(adult.birthDate),
        "М",
        "B",
        { text: "link@example.kz", hyperlink: "mailto:link@example.kz" } as never,
        null,
        null,
        null,
      ],
    ]);
    expect(await commitTraineeImport(school.owner, school.organizationId, linked)).toEqual({ imported: 1, preview: null });
    expect(await db.trainee.findFirstOrThrow({ where: { organizationId: school.organizationId, iin: adult.iin } })).toMatchObject(
      {
        email: "link@example.kz",
      },
    );
    const zeroLost = utf8(
      csv([
        HEADER,
        row({
          iin: iin2007.slice(1),
          birth: dotted(born2007),
          category: "A1",
          gName: "Отец",
          gRelation: "отец",
          gConsent: dotted(today()),
        }),
      ]),
    );
    expect(await commitTraineeImport(school.owner, school.organizationId, zeroLost)).toEqual({ imported: 1, preview: null });
    expect(await db.trainee.count({ where: { organizationId: school.organizationId, iin: iin2007 } })).toBe(1);
    const dana = await db.trainee.findFirstOrThrow({ where: { organizationId: school.organizationId, iin: iin2005 } });
    expect(dana).toMatchObject({ status: "STUDYING", sex: "FEMALE", birthDate: new Date(`${born2005}T00:00:00Z`) });
    const grad = await db.trainee.findFirstOrThrow({
      where: { organizationId: school.organizationId, iin: graduate.iin },
      include: { statusChanges: true },
    });
    expect(grad).toMatchObject({ status: "GRADUATED", certificateNumber: "АШ-77" });
    expect(grad.statusChanges.map((c) => [c.status, c.effectiveOn.toISOString().slice(0, 10)])).toEqual([
      ["GRADUATED", daysFromToday(-5)],
    ]);
  });

  it("commits the most a file may hold, 5,000 rows, with their histories", async () => {
    const school = await createSchool();
    const rows = Array.from({ length: 5_000 }, (_, i) => {
      const t = adultTrainee({ birthDate: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}` });
      return [`Обучающийся ${i}`, t.iin, dotted(t.birthDate), "М", "", "", "B", "", "", "", ""];
    });
    expect(new Set(rows.map((r) => r[1])).size).toBe(5_000);
    const outcome = await commitTraineeImport(school.owner, school.organizationId, await xlsx([HEADER, ...rows]));
    expect(outcome).toEqual({ imported: 5_000, preview: null });
    expect(await db.traineeStatusChange.count({ where: { trainee: { organizationId: school.organizationId } } })).toBe(5_000);
  });

  it("refuses a graduate without a certificate and a certificate of someone not graduated", async () => {
    const school = await createSchool();
    const file = await xlsx([
      ["ФИО", "ИИН", "Дата рождения", "Пол", "Категория", "Статус", "Номер свидетельства", "Дата свидетельства"],
      [...row().slice(0, 4), "B", "выпущен", "", ""],
      [...row().slice(0, 4), "B", "зачислен", "АШ-1", "01.01.2026"],
      [...row().slice(0, 4), "B", "в отпуске", "", ""],
    ]);
    const preview = await previewTraineeImport(school.owner, school.organizationId, file);
    expect(preview.issues.map((i) => `${i.row} ${i.column} ${i.messageKey}`)).toEqual([
      "2 certificateNumber validation.trainee.certificateRequired",
      "2 certificateDate validation.trainee.certificateRequired",
      "3 certificateNumber validation.trainee.certificateOnlyGraduates",
      "4 status validation.trainee.status",
    ]);
  });

  it("writes nothing in an unverified school", async () => {
    const school = await createSchool();
    await db.organization.update({ where: { id: school.organizationId }, data: { verification: "REJECTED" } });
    const before = await registryCounts();
    await expect(commitTraineeImport(school.owner, school.organizationId, utf8(csv([HEADER, row()])))).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.school.notVerified",
    });
    expect(await registryCounts()).toEqual(before);
  });
});

describe("export and template", () => {
  it("export what the reader may see, formula-like text made inert, and import back elsewhere", async () => {
    const school = await createSchool();
    const group = await createGroup(school.owner, school.organizationId, {
      name: '=HYPERLINK("http://evil")',
      category: "B",
      startsOn: daysFromToday(-10),
      endsOn: daysFromToday(80),
      instructorId: school.instructorA.membershipId,
      schedule: null,
    });
    await createTrainee(school.owner, school.organizationId, adultTrainee({ fullName: "@SUM(1+1) Иванов", groupId: group.id }));
    await createTrainee(school.owner, school.organizationId, adultTrainee({ fullName: "-2+3 Петров" }));
    // The form trims names; a record from elsewhere may still begin with a tab.
    const tabbed = await createTrainee(school.owner, school.organizationId, adultTrainee({ fullName: "Сидоров" }));
    await db.trainee.update({ where: { id: tabbed.id }, data: { fullName: "\tТабуляция Сидоров" } });

    const file = await exportTrainees(school.observer, school.organizationId, {}, "csv", "ru");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.body);
    expect(text.startsWith("\uFEFFФИО;ИИН;Дата рождения;Пол;")).toBe(true);
    expect(text).toContain("'@SUM(1+1) Иванов");
    expect(text).toContain("'-2+3 Петров");
    expect(text).toContain("'\tТабуляция Сидоров");
    expect(text).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(text).toContain("'+77012345678");
    expect(text).not.toMatch(/(^|;)[=+\-@]/m);

    const workbookFile = await exportTrainees(school.owner, school.organizationId, { query: "Иванов" }, "xlsx", "kk");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(workbookFile.body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Білім алушылар");
    expect(sheet.getRow(1).getCell(1).value).toBe("Аты-жөні");
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe("'@SUM(1+1) Иванов");
    expect(sheet.getRow(2).getCell(4).value).toBe("Е");
    expect(sheet.getRow(2).getCell(8).value).toBe(`'=HYPERLINK("http://evil")`);
    for (const cell of sheet.getRow(2).values as unknown[])
      expect(typeof cell === "object" && cell !== null && "formula" in cell).toBe(false);

    // An instructor exports the groups they teach only.
    const mine = await exportTrainees(school.instructorA, school.organizationId, {}, "csv", "ru");
    expect(new TextDecoder().decode(mine.body).trim().split("\r\n")).toHaveLength(2);
    const none = await exportTrainees(school.instructorB, school.organizationId, {}, "csv", "ru");
    expect(new TextDecoder().decode(none.body).trim().split("\r\n")).toHaveLength(1);

    // The export imports into another school as it is (its group does not exist there: the
    // column is emptied first).
    const other = await createSchool();
    const rows = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .map((line) => line.split(";"));
    const groupColumn = rows[0]!.indexOf("Группа");
    const withoutGroups = rows.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === groupColumn ? "" : c))));
    const outcome = await commitTraineeImport(
      other.owner,
      other.organizationId,
      utf8(withoutGroups.map((r) => r.join(";")).join("\r\n")),
    );
    expect(outcome).toEqual({ imported: 3, preview: null });
    const names = (
      await db.trainee.findMany({ where: { organizationId: other.organizationId }, select: { fullName: true } })
    ).map((t) => t.fullName);
    expect(names.sort()).toEqual(["Табуляция Сидоров", "-2+3 Петров", "@SUM(1+1) Иванов"].sort());
  });

  it("templates are headers the import reads, with hints in the XLSX", async () => {
    const school = await createSchool();
    for (const locale of ["ru", "kk"] as const) {
      const csvTemplate = await traineeTemplate("csv", locale);
      const header = new TextDecoder()
        .decode(csvTemplate.body)
        .replace(/^\uFEFF/, "")
        .trim();
      const file = utf8(`${header}\r\n${row().join(";")}`.replace(/;$/, ""));
      // The template's header has every column; the row fills the first eleven of HEADER's order,
      // which differs: read it back through the preview instead of committing.
      const preview = await previewTraineeImport(school.owner, school.organizationId, file);
      expect(preview.rows).toBe(1);
      const xlsxTemplate = await traineeTemplate("xlsx", locale);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsxTemplate.body) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(
        locale === "ru" ? ["Обучающиеся", "Как заполнять"] : ["Білім алушылар", "Қалай толтыру керек"],
      );
      expect(workbook.worksheets[1]!.rowCount).toBe(14);
    }
  });
});
