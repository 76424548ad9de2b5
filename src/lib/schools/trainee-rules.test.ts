import { describe, expect, it } from "vitest";

import { makeIin } from "../kz-identifiers";

import { canChangeStatus, isMinor, nextStatuses, traineeIssues, type TraineeFacts } from "./trainee-rules";

const TODAY = "2026-12-08";
const adultIin = makeIin({ year: 1990, month: 4, day: 15 }, "male", 12);
const adult: TraineeFacts = { iin: adultIin, birthDate: "1990-04-15", sex: "MALE", category: "B", guardian: null };
const minorIin = makeIin({ year: 2009, month: 3, day: 1 }, "female", 12);
const minor: TraineeFacts = { iin: minorIin, birthDate: "2009-03-01", sex: "FEMALE", category: "A1", guardian: null };
const consent = { name: "Ахметова Айгуль", relation: "мать", consentOn: "2026-11-30" };
const keys = (facts: TraineeFacts, courseEndsOn: string | null = null) =>
  traineeIssues(facts, { today: TODAY, courseEndsOn }).map((i) => `${i.field}:${i.messageKey}`);

describe("traineeIssues", () => {
  it("accepts an adult whose IIN agrees", () => {
    expect(keys(adult)).toEqual([]);
  });

  it("refuses an IIN of the wrong shape, with a wrong check digit, or that is not a person's", () => {
    expect(keys({ ...adult, iin: "12345" })).toEqual(["iin:validation.trainee.iinFormat"]);
    const wrong = adultIin.slice(0, 11) + String((Number(adultIin[11]) + 1) % 10);
    expect(keys({ ...adult, iin: wrong })).toEqual(["iin:validation.trainee.iinCheckDigit"]);
    // A BIN: 4th-5th digits are not a birth day of a person, the 7th is not a century digit.
    expect(keys({ ...adult, iin: "140940016214" })).toEqual(["iin:validation.trainee.iinNotPerson"]);
  });

  it("refuses a birth date or sex that the IIN contradicts", () => {
    expect(keys({ ...adult, birthDate: "1990-04-16" })).toEqual(["birthDate:validation.trainee.iinBirthDate"]);
    expect(keys({ ...adult, sex: "FEMALE" })).toEqual(["sex:validation.trainee.iinSex"]);
    // The century digit: 1990 written as 2090 is a different date.
    expect(keys({ ...adult, birthDate: "2090-04-15" })).toContain("birthDate:validation.trainee.iinBirthDate");
  });

  it("refuses a birth date in the future", () => {
    const iin = makeIin({ year: 2027, month: 1, day: 1 }, "male", 1);
    expect(keys({ ...adult, iin, birthDate: "2027-01-01" })).toEqual(["birthDate:validation.trainee.birthDateFuture"]);
  });

  it("keeps a minor only with the guardian's consent, dated not later than today", () => {
    expect(keys(minor)).toEqual(["guardian:validation.trainee.guardianConsentRequired"]);
    expect(keys({ ...minor, guardian: consent })).toEqual([]);
    expect(keys({ ...minor, guardian: { ...consent, consentOn: "2026-12-09" } })).toEqual([
      "guardianConsentOn:validation.trainee.consentDateFuture",
    ]);
  });

  it("counts majority on the 18th birthday", () => {
    const iin = makeIin({ year: 2008, month: 12, day: 8 }, "male", 3);
    expect(isMinor("2008-12-08", TODAY)).toBe(false);
    expect(isMinor("2008-12-09", TODAY)).toBe(true);
    expect(keys({ ...adult, iin, birthDate: "2008-12-08" })).toEqual([]);
  });

  it("requires the category's minimum age by the end of the course", () => {
    // 17 years old today: A1 (16) yes; B (18) only if the course ends after the 18th birthday.
    expect(keys({ ...minor, guardian: consent, category: "B" })).toEqual(["category:validation.trainee.tooYoungForCategory"]);
    expect(keys({ ...minor, guardian: consent, category: "B" }, "2027-02-28")).toEqual([
      "category:validation.trainee.tooYoungForCategory",
    ]);
    expect(keys({ ...minor, guardian: consent, category: "B" }, "2027-03-01")).toEqual([]);
    // A course that ended in the past is judged by today.
    expect(keys({ ...adult, category: "D" }, "2020-01-01")).toEqual([]);
    const young = makeIin({ year: 2004, month: 1, day: 1 }, "male", 5);
    expect(keys({ ...adult, iin: young, birthDate: "2004-01-01", category: "D" })).toEqual([
      "category:validation.trainee.tooYoungForCategory",
    ]);
    expect(keys({ ...adult, iin: young, birthDate: "2004-01-01", category: "C" })).toEqual([]);
    expect(keys({ ...adult, iin: young, birthDate: "2004-01-01", category: "DE" })).toEqual([
      "category:validation.trainee.tooYoungForCategory",
    ]);
  });

  it("lists every problem at once", () => {
    expect(keys({ ...minor, birthDate: "2009-03-02", sex: "MALE", category: "C" })).toEqual([
      "birthDate:validation.trainee.iinBirthDate",
      "sex:validation.trainee.iinSex",
      "category:validation.trainee.tooYoungForCategory",
      "guardian:validation.trainee.guardianConsentRequired",
    ]);
  });
});

describe("status changes", () => {
  it("follow the course: enrolled → studying → graduated, with expulsion and transfer on the way", () => {
    expect(canChangeStatus("ENROLLED", "STUDYING")).toBe(true);
    expect(canChangeStatus("STUDYING", "GRADUATED")).toBe(true);
    expect(canChangeStatus("ENROLLED", "GRADUATED")).toBe(false);
    expect(canChangeStatus("STUDYING", "EXPELLED")).toBe(true);
    expect(canChangeStatus("EXPELLED", "ENROLLED")).toBe(true);
    expect(canChangeStatus("TRANSFERRED", "ENROLLED")).toBe(true);
    expect(canChangeStatus("STUDYING", "STUDYING")).toBe(false);
    expect(nextStatuses("GRADUATED")).toEqual([]);
  });
});
