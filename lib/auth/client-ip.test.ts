import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip";

describe("clientAddress", () => {
  it("ignores X-Forwarded-For without a trusted proxy: the socket peer is the client", () => {
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "10.9.9.9", trustedProxies: 0 })).toBe(
      "203.0.113.9",
    );
  });

  it("behind one proxy, takes the address that proxy appended, not what the client claimed", () => {
    expect(
      clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 203.0.113.9", trustedProxies: 1 }),
    ).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9", trustedProxies: 1 })).toBe(
      "203.0.113.9",
    );
  });

  it("behind two proxies, skips both", () => {
    expect(
      clientAddress({
        socketAddress: "10.0.0.3",
        forwardedFor: ["6.6.6.6, 203.0.113.9", "10.0.0.2"],
        trustedProxies: 2,
      }),
    ).toBe("203.0.113.9");
  });

  it("falls back to the socket peer when nothing is known", () => {
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedProxies: 1 })).toBe(
      "10.0.0.2",
    );
    expect(clientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedProxies: 0 })).toBe(
      "unknown",
    );
  });
});
