import { describe, expect, it } from "vitest";
import { crossOriginProblem } from "./same-origin";

const check = (method: string, headers: Record<string, string>) =>
  crossOriginProblem({ method, headers: new Headers(headers) });

describe("crossOriginProblem", () => {
  it("lets reads through from anywhere", () => {
    expect(check("GET", { host: "app.example", origin: "https://evil.example" })).toBeNull();
  });

  it("accepts a POST from a page of the same host, directly or behind a proxy", () => {
    expect(check("POST", { host: "app.example", origin: "https://app.example" })).toBeNull();
    expect(
      check("POST", {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "app.example",
        origin: "https://app.example",
      }),
    ).toBeNull();
  });

  it.each([
    ["another site", { host: "app.example", origin: "https://evil.example" }],
    ["another port", { host: "app.example", origin: "https://app.example:8443" }],
    ["an opaque origin", { host: "app.example", origin: "null" }],
    ["a cross-site fetch without Origin", { host: "app.example", "sec-fetch-site": "cross-site" }],
    [
      "a same-site (sibling subdomain) fetch without Origin",
      { host: "app.example", "sec-fetch-site": "same-site" },
    ],
  ])("refuses a POST from %s", (_label, headers) => {
    expect(check("POST", headers)).toMatch(/other sites are refused/);
  });

  it("lets a non-browser client (no Origin, no Sec-Fetch-Site) through: it carries no one's cookie", () => {
    expect(check("POST", { host: "app.example" })).toBeNull();
  });
});
