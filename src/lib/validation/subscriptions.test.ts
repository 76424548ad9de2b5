import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { createSubscriptionSchema, subscriptionNameSchema, updateSubscriptionSchema } from "./subscriptions";

const messages = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((i) => i.message));

describe("subscription names", () => {
  it("keeps text as typed, without control characters and extra spaces", () => {
    expect(subscriptionNameSchema.parse("  Водитель\u0000   C  ")).toBe("Водитель C");
    expect(subscriptionNameSchema.parse("<b>жирный</b> & «кавычки»")).toBe("<b>жирный</b> & «кавычки»");
  });

  it("refuses blank and too long names with catalogue keys", () => {
    expect(messages(subscriptionNameSchema.safeParse(" \n\t "))).toEqual(["validation.subscriptionNameRequired"]);
    expect(messages(subscriptionNameSchema.safeParse("a".repeat(151)))).toEqual(["validation.subscriptionNameTooLong"]);
    expect(messages(subscriptionNameSchema.safeParse("a".repeat(10_000)))).toEqual(["validation.subscriptionNameTooLong"]);
    expect(messages(subscriptionNameSchema.safeParse(42))).toEqual(["validation.required"]);
  });
});

describe("subscription inputs", () => {
  it("defaults to a daily subscription named after its search", () => {
    expect(createSubscriptionSchema.parse({ query: "q=a" })).toEqual({ query: "q=a", frequency: "DAILY" });
  });

  it("refuses unknown frequencies, huge queries and bad ids", () => {
    expect(createSubscriptionSchema.safeParse({ query: "", frequency: "HOURLY" }).success).toBe(false);
    expect(createSubscriptionSchema.safeParse({ query: "x".repeat(2001) }).success).toBe(false);
    for (const id of [0, -1, 1.5, 2 ** 31, "1"])
      expect(updateSubscriptionSchema.safeParse({ id, name: "a" }).success).toBe(false);
  });
});
