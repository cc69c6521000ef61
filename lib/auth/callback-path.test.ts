import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

// What a browser does with the Location header is what counts: it strips tabs and newlines, reads a
// backslash as a slash and normalizes dot segments, so each of these must come back as a local path.
describe("safeCallbackPath", () => {
  it.each([
    ["/studies/abc", "/studies/abc"],
    ["/studies/abc?tab=ideas#top", "/studies/abc?tab=ideas#top"],
    ["/", "/"],
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/a/../b", "/b"],
  ])("keeps the same-site path %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    ["tab after the slash", "/\t/evil.example/phish"],
    ["newline after the slash", "/\n/evil.example"],
    ["carriage return after the slash", "/\r/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["triple slash", "///evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["slash two backslashes", "/\\\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["backslashes", "\\\\evil.example"],
    ["dot segment into protocol-relative", "/.//evil.example"],
    ["encoded slashes (not decoded here, so not a path)", "%2F%2Fevil.example"],
    ["absolute http", "http://evil.example/phish"],
    ["absolute https", "https://evil.example"],
    ["scheme-relative with scheme only", "http:evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["data", "data:text/html,hi"],
    ["leading space", " //evil.example"],
    ["relative", "evil.example"],
    ["empty", ""],
  ])("sends %s home", (_label, raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("treats a missing value as home", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });
});
