import { describe, expect, it } from "vitest";

import { parseTenge } from "./tenge";

describe("parseTenge", () => {
  it("reads tenge with spaces, a comma or a point, and a sign", () => {
    expect(parseTenge("12 500")).toBe(1_250_000n);
    expect(parseTenge("12500,5")).toBe(1_250_050n);
    expect(parseTenge("0.07")).toBe(7n);
    expect(parseTenge("-300.25")).toBe(-30_025n);
  });
  it("refuses what is not an amount", () => {
    expect(parseTenge("")).toBeNull();
    expect(parseTenge("12.345")).toBeNull();
    expect(parseTenge("abc")).toBeNull();
    expect(parseTenge("1e5")).toBeNull();
  });
});
