import { describe, expect, it } from "vitest";

import { almatyDay, almatyDaySqlText, almatyDayStart, almatyYear, almatyYearStart, ALMATY_TIME_ZONE } from "./almaty-time";

describe("Almaty time", () => {
  it("counts calendar days at UTC+5 all year", () => {
    expect(almatyDay(new Date("2026-03-14T18:59:59.999Z"))).toBe("2026-03-14");
    expect(almatyDay(new Date("2026-03-14T19:00:00Z"))).toBe("2026-03-15");
    expect(almatyDay(new Date("2026-07-01T20:30:00Z"))).toBe("2026-07-02");
    expect(almatyDay(new Date("2026-12-31T19:00:00Z"))).toBe("2027-01-01");
  });

  it("agrees with the zone's own data for dates after the 2024 change", () => {
    const byZone = new Intl.DateTimeFormat("en-CA", { timeZone: ALMATY_TIME_ZONE, dateStyle: "short" });
    for (const iso of ["2025-01-01T18:59:00Z", "2025-01-01T19:00:00Z", "2026-06-30T23:30:00Z"])
      expect(almatyDay(new Date(iso))).toBe(byZone.format(new Date(iso)));
  });

  it("finds the instant a day starts", () => {
    expect(almatyDayStart("2026-12-05").toISOString()).toBe("2026-12-04T19:00:00.000Z");
    expect(almatyDay(almatyDayStart("2026-12-05"))).toBe("2026-12-05");
  });

  it("writes the same day in SQL, for columns only", () => {
    expect(almatyDaySqlText("created_at")).toBe("((created_at AT TIME ZONE 'UTC') + interval '5 hours')::date");
    expect(() => almatyDaySqlText("created_at); DROP TABLE x; --")).toThrow(/column/);
  });

  it("counts calendar years at UTC+5", () => {
    expect(almatyYear(new Date("2026-12-31T18:59:59.999Z"))).toBe(2026);
    expect(almatyYear(new Date("2026-12-31T19:00:00Z"))).toBe(2027);
    expect(almatyYearStart(2027).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });
});
