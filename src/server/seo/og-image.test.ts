import { afterEach, describe, expect, it, vi } from "vitest";

import { OG_SIZE, ogImage, ogText } from "./og-image";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ogImage", () => {
  it("renders Kazakh and Russian text to a 1200×630 PNG without any network request", async () => {
    // The renderer loads its own WebAssembly from data: URLs; anything else would leave the machine.
    const realFetch = globalThis.fetch;
    const network: string[] = [];
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.startsWith("data:")) return realFetch(input, init);
      network.push(url);
      return Promise.reject(new Error("no network"));
    });
    const response = await ogImage({
      kicker: "Бос орын",
      title: "Жүргізуші әғқңөұүһі ӘҒҚҢӨҰҮҺІ «Жол»",
      lines: ["350 000 – 450 000 ₸", "Алматы · Нұр Азық"],
      footer: "Бүкіл Қазақстан бойынша жұмыс",
    });
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(OG_SIZE.width);
    expect(png.readUInt32BE(20)).toBe(OG_SIZE.height);
    expect(network).toEqual([]);
  });
});

describe("ogText", () => {
  it("keeps Cyrillic, Kazakh and Latin text and drops emoji and scripts the font lacks", () => {
    expect(ogText("Водитель 🚚 категории C — Қ 漢字", 80)).toBe("Водитель категории C — Қ");
  });

  it("shortens long text with an ellipsis", () => {
    expect(ogText("абвгд еёжзи", 8)).toBe("абвгд е…");
  });
});
