import { describe, expect, it } from "vitest";

import { decodeAuthError, encodeAuthError } from "./auth-error";

describe("sign-in refusals passed through next-auth", () => {
  it("carries a key alone or with values, including ones with ?, & and = in them", () => {
    expect(decodeAuthError(encodeAuthError("errors.auth.blocked"), "errors.x")).toEqual({
      key: "errors.auth.blocked",
      params: {},
    });
    const reason = "Спам? Да: 10 & более = бан";
    expect(decodeAuthError(encodeAuthError("errors.auth.blockedBecause", { reason }), "errors.x")).toEqual({
      key: "errors.auth.blockedBecause",
      params: { reason },
    });
  });

  it("turns anything that is not a catalogue key into the fallback", () => {
    for (const raw of [undefined, null, "", "CredentialsSignin", "<script>"]) {
      expect(decodeAuthError(raw, "errors.auth.invalidCredentials")).toEqual({
        key: "errors.auth.invalidCredentials",
        params: {},
      });
    }
  });
});
