import { describe, expect, it } from "vitest";

import { documentDisposition, formatDocumentDate, formatTiyn, formatVatRate } from "./render";

describe("document formatting", () => {
  it("groups tenge by thousands with tiyn after a comma", () => {
    expect(formatTiyn(0n)).toBe("0,00");
    expect(formatTiyn(5n)).toBe("0,05");
    expect(formatTiyn(12_000_000n)).toBe("120 000,00");
    expect(formatTiyn(123_456_789_01n)).toBe("123 456 789,01");
    expect(formatTiyn(-150_050n)).toBe("-1 500,50");
  });

  it("writes VAT rates from basis points", () => {
    expect(formatVatRate(1600)).toBe("16%");
    expect(formatVatRate(1250)).toBe("12.5%");
    expect(formatVatRate(0)).toBe("0%");
  });

  it("dates documents by the Almaty calendar", () => {
    expect(formatDocumentDate(new Date("2026-12-31T19:30:00Z"))).toBe("01.01.2027");
    expect(formatDocumentDate(new Date("2026-06-15T05:00:00Z"))).toBe("15.06.2026");
  });

  it("names the download by the number, RFC 5987-encoded, with an ASCII fallback", () => {
    expect(documentDisposition("invoice", "СЧ-2026-000017")).toBe(
      "attachment; filename=\"invoice-2026-000017.pdf\"; filename*=UTF-8''%D0%A1%D0%A7-2026-000017.pdf",
    );
    expect(documentDisposition("act", "АВР-2026-000003")).toBe(
      "attachment; filename=\"act-2026-000003.pdf\"; filename*=UTF-8''%D0%90%D0%92%D0%A0-2026-000003.pdf",
    );
  });
});
