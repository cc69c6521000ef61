import { describe, expect, it } from "vitest";
import { parseCookieHeader } from "./cookie-header";

describe("parseCookieHeader", () => {
  it("reads name/value pairs in order, trimming spaces", () => {
    expect(parseCookieHeader("a=1; authjs.session-token=abc.def ;b=2")).toEqual([
      { name: "a", value: "1" },
      { name: "authjs.session-token", value: "abc.def" },
      { name: "b", value: "2" },
    ]);
  });

  it("keeps '=' inside values, decodes escapes and strips quotes", () => {
    expect(parseCookieHeader('t=x==; q="quoted"; e=a%20b')).toEqual([
      { name: "t", value: "x==" },
      { name: "q", value: "quoted" },
      { name: "e", value: "a b" },
    ]);
  });

  it("keeps a malformed escape as written and skips pairs without a name or '='", () => {
    expect(parseCookieHeader("bad=%E0%A4%A; novalue; =orphan")).toEqual([{ name: "bad", value: "%E0%A4%A" }]);
  });

  it("has no cookies without a header", () => {
    expect(parseCookieHeader(null)).toEqual([]);
    expect(parseCookieHeader("")).toEqual([]);
  });
});
