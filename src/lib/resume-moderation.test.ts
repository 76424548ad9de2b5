import { describe, expect, it } from "vitest";

import { hasNewFlags, isHiddenByModeration, moderationAfterSave } from "./resume-moderation";

describe("moderationAfterSave", () => {
  it("queues a clear resume with a term nobody has looked at", () => {
    expect(moderationAfterSave("CLEAR", [], ["profanity:бля"])).toBe("FLAGGED");
    expect(moderationAfterSave("CLEAR", ["profanity:бля"], ["profanity:бля"])).toBe("CLEAR");
    expect(moderationAfterSave("CLEAR", ["profanity:бля"], ["profanity:бля", "prohibited:есірткі"])).toBe("FLAGGED");
  });

  it("takes a flagged resume out of the queue once no term is left", () => {
    expect(moderationAfterSave("FLAGGED", ["profanity:бля"], [])).toBe("CLEAR");
    expect(moderationAfterSave("FLAGGED", [], ["profanity:бля"])).toBe("FLAGGED");
  });

  it("keeps a hidden resume hidden and one under review in review", () => {
    expect(moderationAfterSave("HIDDEN", ["profanity:бля"], [])).toBe("HIDDEN");
    expect(moderationAfterSave("REVIEW", [], ["profanity:бля"])).toBe("REVIEW");
  });

  it("names hidden states and new flags", () => {
    expect(["CLEAR", "FLAGGED", "HIDDEN", "REVIEW"].map((s) => isHiddenByModeration(s as "CLEAR"))).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(hasNewFlags(["a"], [])).toBe(false);
  });
});
