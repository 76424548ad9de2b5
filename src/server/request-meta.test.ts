import { describe, expect, it } from "vitest";

import { clientAddress } from "./request-meta";

describe("clientAddress", () => {
  it("without trusted proxies is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socket: "203.0.113.7", forwardedFor: "1.1.1.1, 2.2.2.2", trustedProxies: 0 })).toBe("203.0.113.7");
    expect(clientAddress({ socket: "::ffff:203.0.113.7", forwardedFor: null, trustedProxies: 0 })).toBe("203.0.113.7");
  });

  it("with N trusted proxies is the Nth address from the right", () => {
    // The client wrote "6.6.6.6" itself; the load balancer appended the real 198.51.100.4.
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.4", trustedProxies: 1 })).toBe("198.51.100.4");
    // CDN then load balancer.
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.4, 172.16.0.9", trustedProxies: 2 })).toBe(
      "198.51.100.4",
    );
  });

  it("falls back sensibly when the chain is shorter than the proxies", () => {
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "198.51.100.4", trustedProxies: 2 })).toBe("198.51.100.4");
    expect(clientAddress({ socket: "10.0.0.2", forwardedFor: "", trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ socket: null, forwardedFor: null, trustedProxies: 0 })).toBeNull();
  });
});
