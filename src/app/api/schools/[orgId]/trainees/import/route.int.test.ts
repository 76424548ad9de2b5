import { beforeEach, describe, expect, it, vi } from "vitest";

import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";

import { signedIn } from "../../../../../../../test/support/factories";
import {
  adultTrainee,
  createSchool,
  registryCounts,
  type SchoolFixture,
} from "../../../../../../../test/support/school-factories";

// The import's HTTP side: where a file may come from, how big it may be, and the preview's and
// the refusal's texts in the caller's language. The rules themselves are the service's tests.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { POST } = await import("./route");
const { GET: exportGet } = await import("../export/route");

const APP = "http://localhost:3000";
let school: SchoolFixture;

beforeEach(async () => {
  school = await createSchool();
  session.user = await signedIn(school.owner.userId);
});

const dotted = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
function csvFile(rows: number, options: { badIinAt?: number } = {}) {
  const lines = ["ФИО;ИИН;Дата рождения;Пол;Категория"];
  for (let i = 0; i < rows; i++) {
    const t = adultTrainee();
    lines.push(`Обучающийся ${i};${options.badIinAt === i ? "123" : t.iin};${dotted(t.birthDate)};М;B`);
  }
  return lines.join("\r\n");
}

function post(body: BodyInit, query: string, headers: Record<string, string> = { Origin: APP }) {
  return POST(
    new Request(`${APP}/api/schools/${school.organizationId}/trainees/import?${query}`, { method: "POST", body, headers }),
    {
      params: Promise.resolve({ orgId: String(school.organizationId) }),
    },
  );
}

describe("POST /api/schools/{orgId}/trainees/import", () => {
  it("previews with every issue's row, column and reason in the caller's language", async () => {
    const before = await registryCounts();
    const response = await post(csvFile(3, { badIinAt: 1 }), "mode=preview&lang=kk");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rows: 3,
      validRows: 2,
      issues: [{ row: 3, column: "iin", columnLabel: "ЖСН", message: "ЖСН 12 цифрдан тұрады." }],
    });
    expect(await registryCounts()).toEqual(before);
  });

  it("commits a clean file, and answers 422 with the issues for a file with one bad row, writing nothing", async () => {
    const bad = await post(csvFile(20, { badIinAt: 19 }), "mode=commit");
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { message: string }; issues: unknown[] };
    expect(body.error.message).toBe(
      "В файле есть ошибки: ничего не загружено. Исправьте строки из списка и загрузите файл снова.",
    );
    expect(body.issues).toHaveLength(1);
    expect(await db.trainee.count({ where: { organizationId: school.organizationId } })).toBe(0);

    const good = await post(csvFile(20), "mode=commit");
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ imported: 20 });
    expect(await db.trainee.count({ where: { organizationId: school.organizationId } })).toBe(20);
  });

  it("takes the file from a form too", async () => {
    const form = new FormData();
    form.set("file", new Blob([csvFile(2)], { type: "text/csv" }), "trainees.csv");
    const response = await post(form, "mode=preview");
    expect(await response.json()).toMatchObject({ rows: 2, validRows: 2, issues: [] });
    const empty = new FormData();
    empty.set("other", "x");
    expect((await post(empty, "mode=preview")).status).toBe(400);
  });

  it("refuses other sites, unknown modes, bad files and oversized bodies with a translated message", async () => {
    expect((await post(csvFile(1), "mode=commit", {})).status).toBe(403);
    expect((await post(csvFile(1), "mode=commit", { Origin: "https://evil.example" })).status).toBe(403);
    expect((await post(csvFile(1), "mode=delete")).status).toBe(400);
    const garbage = await post(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), "mode=commit");
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toEqual({
      error: {
        message: "Файл не читается как таблица: загрузите XLSX или CSV (UTF-8 или Windows-1251, разделитель «;» или «,»).",
      },
    });
    const huge = await post(new Uint8Array(6 * 1024 * 1024), "mode=preview&lang=kk");
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: { message: "Файл 5 МБ-тан үлкен." } });
    expect(await db.trainee.count({ where: { organizationId: school.organizationId } })).toBe(0);
  });

  it("refuses an observer and an instructor (403), a guest (401)", async () => {
    for (const userId of [school.observer.userId, school.instructorA.userId]) {
      session.user = await signedIn(userId);
      expect((await post(csvFile(1), "mode=commit")).status).toBe(403);
    }
    session.user = null;
    expect((await post(csvFile(1), "mode=commit")).status).toBe(401);
  });
});

describe("GET /api/schools/{orgId}/trainees/export", () => {
  const get = (query: string) =>
    exportGet(new Request(`${APP}/api/schools/${school.organizationId}/trainees/export?${query}`), {
      params: Promise.resolve({ orgId: String(school.organizationId) }),
    });

  it("sends an attachment, never cached, and refuses bad filters", async () => {
    const response = await get("format=xlsx&status=ENROLLED&category=b&q=Иван");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="trainees-${school.organizationId}.xlsx"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    for (const query of ["format=pdf", "status=GONE", "category=Z", "groupId=abc"]) expect((await get(query)).status).toBe(400);
  });
});
