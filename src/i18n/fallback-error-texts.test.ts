import { describe, expect, it } from "vitest";

import { fallbackErrorTexts } from "./fallback-error-texts";
import kk from "./messages/kk.json";
import ru from "./messages/ru.json";

describe("fallbackErrorTexts", () => {
  it("says what the catalogues say", () => {
    expect(fallbackErrorTexts.ru).toEqual(ru.errorPage);
    expect(fallbackErrorTexts.kk).toEqual(kk.errorPage);
  });
});
