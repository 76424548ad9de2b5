import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, hostsPaymentWidget, takesNonce } from "./security-headers";

describe("content security policy", () => {
  it("gives per-request pages a nonce with strict-dynamic, and cached ones no nonce", () => {
    const dynamic = contentSecurityPolicy({ nonce: "abc123", https: true, dev: false });
    expect(dynamic).toContain("script-src 'nonce-abc123' 'strict-dynamic' 'self'");
    expect(dynamic).not.toContain("unsafe-inline' ;");
    expect(dynamic).not.toContain("unsafe-eval");
    expect(dynamic).toContain("upgrade-insecure-requests");
    const cached = contentSecurityPolicy({ nonce: null, https: false, dev: false });
    expect(cached).toContain("script-src 'self' 'unsafe-inline'");
    expect(cached).not.toContain("upgrade-insecure-requests");
    for (const policy of [dynamic, cached]) {
      for (const directive of [
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "default-src 'self'",
      ])
        expect(policy).toContain(directive);
    }
    expect(contentSecurityPolicy({ nonce: null, https: false, dev: true })).toContain("'unsafe-eval'");
  });

  it("lets only the card payment page frame and call the provider's widget hosts", () => {
    const payment = contentSecurityPolicy({ nonce: "n", https: true, dev: false, paymentWidget: true });
    expect(payment).toContain("frame-src 'self' https:");
    expect(payment).toContain("connect-src 'self' https:");
    expect(payment).toContain("script-src 'nonce-n' 'strict-dynamic' 'self'");
    const other = contentSecurityPolicy({ nonce: "n", https: true, dev: false });
    expect(other).not.toContain("frame-src");
    expect(other).toContain("connect-src 'self';");
    expect(hostsPaymentWidget("/ru/employer/12/billing/pay/345")).toBe(true);
    expect(hostsPaymentWidget("/kk/employer/12/billing/pay/345")).toBe(true);
    for (const path of ["/ru/employer/12/billing", "/ru/employer/12/billing/pay/345/x", "/ru/vacancies", "/ru/dev/checkout/1"])
      expect(hostsPaymentWidget(path), path).toBe(false);
  });

  it("knows which pages are rendered per request", () => {
    for (const path of ["/ru/account", "/kk/employer/3/vacancies", "/ru/auth/sign-in", "/ru/vacancy/12-x/apply", "/ru/seeker"])
      expect(takesNonce(path), path).toBe(true);
    for (const path of [
      "/ru",
      "/ru/vacancy/12-x",
      "/kk/vacancies",
      "/kk/company/3-x",
      "/ru/jobs/almaty",
      "/ru/terms",
      "/ru/auth/sign-up",
      "/ru/saved",
    ])
      expect(takesNonce(path), path).toBe(false);
  });
});
