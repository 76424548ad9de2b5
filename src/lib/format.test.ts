import { afterEach, describe, expect, it, vi } from "vitest";

import { formatDate, formatTiyn } from "./format";

// 5 December 2026, 14:07:09 in Almaty (UTC+5).
const DATE = new Date("2026-12-05T09:07:09Z");

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("formatDate", () => {
  it("writes Kazakh dates with Kazakh month names", () => {
    expect(formatDate(DATE, "kk", "long")).toBe("2026 ж. 5 желтоқсан");
    expect(formatDate(DATE, "kk", "medium")).toBe("2026 ж. 5 жел.");
    expect(formatDate(DATE, "kk", "short")).toBe("05.12.2026");
    expect(formatDate(DATE, "kk", "dayMonth")).toBe("5 желтоқсан");
    expect(formatDate(DATE, "kk", "monthYear")).toBe("2026 ж. желтоқсан");
    expect(formatDate(DATE, "kk", "long", { time: true })).toBe("2026 ж. 5 желтоқсан, 14:07");
    expect(formatDate(DATE, "kk", "medium", { time: true })).toBe("2026 ж. 5 жел., 14:07");
  });

  it("writes Russian dates with the genitive month, the nominative alone with the year", () => {
    expect(formatDate(DATE, "ru", "long")).toBe("5 декабря 2026 г.");
    expect(formatDate(DATE, "ru", "medium")).toBe("5 дек. 2026 г.");
    expect(formatDate(DATE, "ru", "short")).toBe("05.12.2026");
    expect(formatDate(DATE, "ru", "dayMonth")).toBe("5 декабря");
    expect(formatDate(DATE, "ru", "monthYear")).toBe("декабрь 2026 г.");
    expect(formatDate(DATE, "ru", "short", { time: "seconds" })).toBe("05.12.2026, 14:07:09");
  });

  it("names every month in both languages", () => {
    const kk = Array.from({ length: 12 }, (_, m) => formatDate(new Date(Date.UTC(2026, m, 15, 6)), "kk", "dayMonth"));
    expect(kk).toEqual([
      "15 қаңтар",
      "15 ақпан",
      "15 наурыз",
      "15 сәуір",
      "15 мамыр",
      "15 маусым",
      "15 шілде",
      "15 тамыз",
      "15 қыркүйек",
      "15 қазан",
      "15 қараша",
      "15 желтоқсан",
    ]);
    expect(formatDate(new Date(Date.UTC(2026, 4, 15, 6)), "ru", "dayMonth")).toBe("15 мая");
    expect(formatDate(new Date(Date.UTC(2026, 4, 15, 6)), "ru", "monthYear")).toBe("май 2026 г.");
  });

  it("uses Almaty's calendar day unless told another time zone", () => {
    const lateUtc = new Date("2026-12-31T20:30:00Z"); // 01:30 on 1 January in Almaty
    expect(formatDate(lateUtc, "ru", "long", { time: true })).toBe("1 января 2027 г., 01:30");
    expect(formatDate(lateUtc, "ru", "monthYear", { timeZone: "UTC" })).toBe("декабрь 2026 г.");
    expect(formatDate("2026-12-05T09:07:09.000Z", "kk", "dayMonth")).toBe("5 желтоқсан");
  });

  it("needs no Kazakh or Russian locale data from the runtime, as in a browser", () => {
    // Chrome's Intl has no Kazakh months ("2026 M12 5"): the output must not come from it.
    const RealDateTimeFormat = Intl.DateTimeFormat;
    vi.stubGlobal("Intl", {
      ...Intl,
      DateTimeFormat: function DateTimeFormat(locale?: string, options?: Intl.DateTimeFormatOptions) {
        if (locale !== "en-US") throw new Error(`no locale data for ${String(locale)}`);
        return new RealDateTimeFormat(locale, options);
      },
    });
    // A time zone no earlier test used, so the formatter is created under the stub (UTC+5 too).
    const timeZone = "Etc/GMT-5";
    expect(formatDate(DATE, "kk", "long", { timeZone })).toBe("2026 ж. 5 желтоқсан");
    expect(formatDate(DATE, "ru", "medium", { time: true, timeZone })).toBe("5 дек. 2026 г., 14:07");
  });
});

describe("formatTiyn", () => {
  it("writes tiyn as tenge with grouped thousands, tiyn only when there are any, and the sign", () => {
    expect(formatTiyn(0n)).toBe("0\u00a0₸");
    expect(formatTiyn(7_470_000n)).toBe("74\u202f700\u00a0₸");
    expect(formatTiyn(123_450n)).toBe("1\u202f234,50\u00a0₸");
    expect(formatTiyn(5n)).toBe("0,05\u00a0₸");
    expect(formatTiyn(-99_000n)).toBe("−990\u00a0₸");
    expect(formatTiyn(100_000_000_000_000n)).toBe("1\u202f000\u202f000\u202f000\u202f000\u00a0₸");
  });
});
