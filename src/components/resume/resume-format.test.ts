import { describe, expect, it } from "vitest";

import { experienceLength, languageName } from "./resume-format";

const d = (s: string) => new Date(`${s}-01T00:00:00Z`);

describe("resume formatting", () => {
  it("counts months of experience once when jobs overlap", () => {
    const now = d("2026-11");
    expect(experienceLength([], now)).toBe(0);
    expect(experienceLength([{ startedOn: d("2020-01"), endedOn: d("2020-12") }], now)).toBe(12);
    expect(
      experienceLength(
        [
          { startedOn: d("2020-01"), endedOn: d("2021-06") },
          { startedOn: d("2021-01"), endedOn: d("2021-12") },
          { startedOn: d("2024-11"), endedOn: null },
        ],
        now,
      ),
    ).toBe(24 + 25);
    expect(
      experienceLength(
        [
          { startedOn: d("2020-01"), endedOn: d("2020-12") },
          { startedOn: d("2020-03"), endedOn: d("2020-04") },
        ],
        now,
      ),
    ).toBe(12);
  });

  it("names languages in the page's language", () => {
    expect(languageName("kk", "ru")).toBe("Казахский");
    expect(languageName("en", "ru")).toBe("Английский");
    expect(languageName("ru", "kk").length).toBeGreaterThan(2);
  });
});
