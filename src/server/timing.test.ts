import { describe, expect, it } from "vitest";

import { withMinimumDuration } from "./timing";

describe("withMinimumDuration", () => {
  it("waits out the rest of the floor after quick work, and not after slow work", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    expect(await withMinimumDuration(300, async () => "quick", sleep)).toBe("quick");
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(250);
    expect(waits[0]).toBeLessThanOrEqual(300);

    waits.length = 0;
    await withMinimumDuration(5, () => new Promise((r) => setTimeout(() => r("slow"), 20)), sleep);
    expect(waits).toEqual([]);
  });

  it("waits for errors too, then rethrows them", async () => {
    const waits: number[] = [];
    await expect(
      withMinimumDuration(
        300,
        async () => {
          throw new Error("refused");
        },
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toThrow("refused");
    expect(waits).toHaveLength(1);
  });
});
