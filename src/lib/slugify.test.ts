import { describe, expect, it } from "vitest";

import { slugify } from "./slugify";

describe("slugify", () => {
  it("romanises Russian titles", () => {
    expect(slugify("Водитель категории C")).toBe("voditel-kategorii-c");
    expect(slugify("Шиномонтажник / Щёточник, ЮЗ район")).toBe("shinomontazhnik-shchetochnik-iuz-raion");
  });

  it("romanises the Kazakh letters", () => {
    expect(slugify("C санатты жүргізуші")).toBe("c-sanatty-zhurgizushi");
    expect(slugify("Әкімші, Ғылым, Қала, Өңір, Ұста, Һ")).toBe("akimshi-gylym-qala-onir-usta-h");
  });

  it("keeps digits and drops punctuation at the ends", () => {
    expect(slugify("  «Программист 1С» (senior)!  ")).toBe("programmist-1s-senior");
  });

  it("cuts long slugs at a word boundary", () => {
    const slug = slugify("очень ".repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith("-")).toBe(false);
  });
});
