import { describe, expect, it } from "vitest";

import { ageOn, dateToDay, dayToDate, formatDay, isCalendarDay, parseDay } from "./calendar-day";

describe("calendar days", () => {
  it("exist only when the calendar has them", () => {
    expect(isCalendarDay("2008-02-29")).toBe(true);
    expect(isCalendarDay("2007-02-29")).toBe(false);
    expect(isCalendarDay("2007-13-01")).toBe(false);
    expect(isCalendarDay("2007-1-01")).toBe(false);
    expect(isCalendarDay("01.01.2007")).toBe(false);
  });

  it("count whole years, birthdays included", () => {
    expect(ageOn("2008-06-15", "2026-06-14")).toBe(17);
    expect(ageOn("2008-06-15", "2026-06-15")).toBe(18);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });

  it("travel as UTC midnights", () => {
    expect(dayToDate("2007-12-31").toISOString()).toBe("2007-12-31T00:00:00.000Z");
    expect(dateToDay(dayToDate("2007-12-31"))).toBe("2007-12-31");
  });

  it("are read as people write them", () => {
    expect(parseDay("31.12.2007")).toBe("2007-12-31");
    expect(parseDay("1.2.2007")).toBe("2007-02-01");
    expect(parseDay("01/02/2007")).toBe("2007-02-01");
    expect(parseDay(" 2007-12-31 ")).toBe("2007-12-31");
    expect(parseDay("2007-2-1")).toBe("2007-02-01");
    for (const bad of ["", "31.02.2007", "2007-12-32", "12/31/2007", "31.12.07", "вчера", "2007.12.31"]) {
      expect(parseDay(bad)).toBeNull();
    }
  });
});

describe("formatDay", () => {
  it("writes a day as DD.MM.YYYY and leaves anything else as it is", () => {
    expect(formatDay("2007-12-31")).toBe("31.12.2007");
    expect(formatDay("31.12.2007")).toBe("31.12.2007");
  });
});
