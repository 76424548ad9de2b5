import { describe, expect, it } from "vitest";

import { isCrossSite, isFromOwnSite } from "./request-guards";

const APP = "https://jumys.kz";
const request = (headers: Record<string, string>, url = `${APP}/api/x`) => new Request(url, { method: "POST", headers });

describe("where a request comes from", () => {
  it("strictly: only with our Origin (the configured one or the address served)", () => {
    expect(isFromOwnSite(request({ origin: APP }), APP)).toBe(true);
    expect(isFromOwnSite(request({ origin: "http://127.0.0.1:3000" }, "http://127.0.0.1:3000/api/x"), APP)).toBe(true);
    expect(isFromOwnSite(request({ origin: "https://evil.example" }), APP)).toBe(false);
    expect(isFromOwnSite(request({ origin: "null" }), APP)).toBe(false);
    expect(isFromOwnSite(request({}), APP)).toBe(false);
  });

  it("leniently: a request without Origin is cross-site only when the browser says so", () => {
    expect(isCrossSite(request({ origin: "https://evil.example" }), APP)).toBe(true);
    expect(isCrossSite(request({ origin: APP }), APP)).toBe(false);
    expect(isCrossSite(request({}), APP)).toBe(false);
    expect(isCrossSite(request({ "sec-fetch-site": "cross-site" }), APP)).toBe(true);
  });
});
