import { describe, expect, it } from "vitest";

import { pickMessageKeys, pickMessages } from "@/i18n/messages";
import { SUBSCRIPTION_NAME_MAX, subscriptionFormSchema } from "@/lib/validation/subscriptions";

import { SUBSCRIBE_FORM_MESSAGE_KEYS } from "./subscribe-form-messages";

const keysOf = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );

describe("the subscription form's messages", () => {
  it("hold every message its schema can give", () => {
    const bad: unknown[] = [
      {},
      { name: "", frequency: "HOURLY" },
      { name: "   ", frequency: "DAILY" },
      { name: "а".repeat(SUBSCRIPTION_NAME_MAX + 1), frequency: "WEEKLY" },
      { name: "а".repeat(SUBSCRIPTION_NAME_MAX * 4 + 1) },
      { name: 5, frequency: 5 },
      null,
    ];
    const given = new Set(
      bad.flatMap((input) => {
        const result = subscriptionFormSchema.safeParse(input);
        return result.success ? [] : result.error.issues.map((issue) => issue.message);
      }),
    );
    expect(given.size).toBeGreaterThan(2);
    for (const message of given) if (message.startsWith("validation.")) expect(SUBSCRIBE_FORM_MESSAGE_KEYS).toContain(message);
  });

  it("are picked in both languages, and nothing else of their namespaces", () => {
    for (const locale of ["ru", "kk"]) {
      const picked = pickMessageKeys(locale, SUBSCRIBE_FORM_MESSAGE_KEYS);
      expect(keysOf(picked).sort()).toEqual([...SUBSCRIBE_FORM_MESSAGE_KEYS].sort());
      expect(keysOf(pickMessages(locale, ["errors"])).length).toBeGreaterThan(50);
    }
    expect(() => pickMessageKeys("ru", ["errors.noSuchMessage"])).toThrow(/errors\.noSuchMessage/);
  });
});
