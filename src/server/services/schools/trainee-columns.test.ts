import { describe, expect, it } from "vitest";

import { columnLabel, columnOfHeader, parseSex, parseStatus, REQUIRED_COLUMNS, TRAINEE_COLUMNS } from "./trainee-columns";

describe("the registry's columns", () => {
  it("are recognised by their Russian and Kazakh names and their keys, whatever the case and spacing", () => {
    for (const column of TRAINEE_COLUMNS) {
      expect(columnOfHeader(columnLabel(column, "ru"))).toBe(column);
      expect(columnOfHeader(columnLabel(column, "kk"))).toBe(column);
      expect(columnOfHeader(column)).toBe(column);
    }
    expect(columnOfHeader("  дата   РОЖДЕНИЯ: ")).toBe("birthDate");
    expect(columnOfHeader("ФИО*")).toBe("fullName");
    expect(columnOfHeader("Дата согласия представителя")).toBe("guardianConsentOn");
    expect(columnOfHeader("Примечание")).toBeNull();
    expect(columnOfHeader("")).toBeNull();
  });

  it("have distinct names in each language", () => {
    for (const locale of ["ru", "kk"] as const) {
      const labels = TRAINEE_COLUMNS.map((c) => columnLabel(c, locale).toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(REQUIRED_COLUMNS).toEqual(["fullName", "iin", "birthDate", "sex", "category"]);
  });

  it("read the sex as people write it in Russian, Kazakh or Latin", () => {
    for (const male of ["М", "м", "муж", "Мужской", "Е", "ер", "M", "male"]) expect(parseSex(male)).toBe("MALE");
    for (const female of ["Ж", "жен.", "женский", "Ә", "әйел", "F", "Female"]) expect(parseSex(female)).toBe("FEMALE");
    for (const bad of ["", "?", "мж", "1"]) expect(parseSex(bad)).toBeNull();
  });

  it("read statuses by their names in either language or their codes", () => {
    expect(parseStatus("Обучается")).toBe("STUDYING");
    expect(parseStatus("переведен")).toBe("TRANSFERRED");
    expect(parseStatus("Переведён")).toBe("TRANSFERRED");
    expect(parseStatus("бітірді")).toBe("GRADUATED");
    expect(parseStatus("EXPELLED")).toBe("EXPELLED");
    expect(parseStatus("в отпуске")).toBeNull();
  });
});
