import { describe, expect, it } from "vitest";

import { contentTypeParameter, encodeForm, lastPathSegment, mediaType, parseMultipartFields, readHeader } from "./wire";

describe("readHeader", () => {
  it("finds a header in any case, in Headers or a record", () => {
    expect(readHeader(new Headers({ "Content-HMAC": "abc" }), "content-hmac")).toBe("abc");
    expect(readHeader({ "content-hmac": "abc" }, "Content-HMAC")).toBe("abc");
    expect(readHeader({ "Stripe-Signature": ["t=1,v1=a", "t=2,v1=b"] }, "stripe-signature")).toBe("t=1,v1=a");
    expect(readHeader({ other: "x", "content-hmac": undefined }, "Content-HMAC")).toBeNull();
  });
});

describe("content types", () => {
  it("reads the media type and a parameter", () => {
    expect(mediaType("Application/X-WWW-Form-Urlencoded; charset=utf-8")).toBe("application/x-www-form-urlencoded");
    expect(mediaType(null)).toBe("");
    expect(contentTypeParameter('multipart/form-data; boundary="a=b"', "boundary")).toBe("a=b");
    expect(contentTypeParameter("multipart/form-data; charset=utf-8", "boundary")).toBeNull();
  });
});

describe("URLs", () => {
  it("takes the script name after the last slash, before the query", () => {
    expect(lastPathSegment("https://jumys.kz/api/webhooks/freedompay?x=1")).toBe("freedompay");
    expect(lastPathSegment("/api/webhooks/freedompay")).toBe("freedompay");
    expect(lastPathSegment("https://jumys.kz/api/webhooks/")).toBe("");
  });
});

describe("encodeForm", () => {
  it("writes lower-case escapes and + for spaces", () => {
    expect(
      encodeForm([
        ["City", "Санкт Петербург"],
        ["Mail", "a@b.kz"],
      ]),
    ).toBe("City=%d0%a1%d0%b0%d0%bd%d0%ba%d1%82+%d0%9f%d0%b5%d1%82%d0%b5%d1%80%d0%b1%d1%83%d1%80%d0%b3&Mail=a%40b.kz");
  });
});

describe("parseMultipartFields", () => {
  const part = (name: string, value: string, extra = "") =>
    `--b\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;

  it("reads text fields, keeps line breaks inside values and skips files", () => {
    const body = `preamble\r\n${part("a", "1")}${part("b", "two\r\nlines")}${part("f", "binary", '; filename="x.bin"')}--b--\r\n`;
    expect(parseMultipartFields(body, "b")).toEqual([
      ["a", "1"],
      ["b", "two\r\nlines"],
    ]);
  });

  it("refuses a body that is not multipart with this boundary", () => {
    expect(parseMultipartFields("a=1&b=2", "b")).toBeNull();
    expect(parseMultipartFields(`${part("a", "1")}`, "b")).toBeNull();
    expect(parseMultipartFields(`--b\r\nno blank line\r\n--b--`, "b")).toBeNull();
  });
});
