import { describe, expect, it } from "vitest";
import { parseSearchParams } from "./search-params";

describe("parseSearchParams", () => {
  it("reads the query and filters", () => {
    expect(
      parseSearchParams({
        q: " attention ",
        yearFrom: "2015",
        yearTo: "2020",
        venue: "ACL",
        source: "openalex",
      }),
    ).toEqual({
      query: "attention",
      filters: { yearFrom: 2015, yearTo: 2020, venue: "ACL", source: "openalex" },
      problems: [],
    });
  });

  it("names bad filters and ignores them", () => {
    const r = parseSearchParams({ q: "x", yearFrom: "last year", source: "google" });
    expect(r.filters).toEqual({});
    expect(r.problems).toEqual([
      '"From year" must be a year such as 2015 (got "last year").',
      'Unknown source "google".',
    ]);
  });
});
