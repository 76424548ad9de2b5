import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { BarChart, type BarSeries } from "./bar-chart";

const days = ["2031-03-01", "2031-03-02", "2031-03-03"];
const render = (series: BarSeries[], stacked = false) =>
  renderToStaticMarkup(createElement(BarChart, { label: "Отклики: всего 6", days, series, stacked }));
const rects = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({
    y: Number(m[2]),
    height: Number(m[4]),
  }));

describe("BarChart", () => {
  it("is one picture named by its summary, a bar per day and series, with the days under it", () => {
    const svg = render([
      { name: "A", values: [1, 2, 3], color: "#000" },
      { name: "B", values: [0, 0, 0], color: "#111" },
    ]);
    expect(svg).toContain('role="img" aria-label="Отклики: всего 6"');
    expect(rects(svg)).toHaveLength(6);
    expect(svg).toContain(">01.03<");
    expect(svg).toContain(">03.03<");
    // The tallest bar reaches the top of the scale, which is labelled with its value.
    expect(Math.max(...rects(svg).map((r) => r.height))).toBeCloseTo(200 - 10 - 24);
    expect(svg).toContain(">3<");
  });

  it("stacks parts and draws what takes away below the zero line", () => {
    const svg = render(
      [
        { name: "A", values: [2, 0, 0], color: "#000" },
        { name: "B", values: [2, 0, 0], color: "#111" },
        { name: "R", values: [0, 0, -4], color: "#222" },
      ],
      true,
    );
    const [a, b, , , , , , , r] = rects(svg);
    // Half the height above zero, half below: B sits on A, R hangs from the zero line.
    expect(a!.height).toBeCloseTo(b!.height);
    expect(b!.y + b!.height).toBeCloseTo(a!.y);
    expect(r!.y).toBeCloseTo(a!.y + a!.height);
    expect(svg).toContain(">-4<");
  });

  it("draws an empty range as a flat line, never NaN", () => {
    const svg = render([{ name: "A", values: [0, 0, 0], color: "#000" }]);
    expect(svg).not.toContain("NaN");
    expect(rects(svg).every((r) => r.height === 0)).toBe(true);
  });
});
