import { describe, expect, it } from "vitest";
import { rebuildAbstract } from "./openalex";
import { MAX_RETRY_WAIT_MS, parseRetryAfter, retryDelayMs } from "./retry";
import { mapS2Paper, splitS2References } from "./semantic-scholar";

describe("rebuildAbstract", () => {
  it("puts each word at its positions", () => {
    expect(rebuildAbstract({ to: [1, 3], We: [0], want: [2], rebuild: [4] })).toBe("We to want to rebuild");
    expect(rebuildAbstract(null)).toBe("");
    expect(rebuildAbstract({ b: [2], a: [0] })).toBe("a b");
  });
});

describe("retry waits", () => {
  it("reads Retry-After as seconds or an HTTP date, else null", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(
      parseRetryAfter("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT")),
    ).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it("backs off exponentially without Retry-After, and caps every wait", () => {
    expect([0, 1, 2, 3].map((a) => retryDelayMs(a, null))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(0, 2000)).toBe(2000);
    expect(retryDelayMs(20, null)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryDelayMs(0, 3_600_000)).toBe(MAX_RETRY_WAIT_MS);
  });
});

describe("Semantic Scholar mapping", () => {
  const base = {
    externalIds: null,
    url: null,
    abstract: null,
    venue: null,
    year: 2020,
    publicationDate: null,
    citationCount: null,
    openAccessPdf: null,
    authors: null,
  };
  it("needs a paperId and a title to be a paper; otherwise a titled reference stays unresolved", () => {
    expect(mapS2Paper({ ...base, paperId: null, title: "T" })).toBeNull();
    expect(
      splitS2References([
        { ...base, paperId: null, title: " Kept " },
        { ...base, paperId: null, title: null },
      ]),
    ).toEqual({
      papers: [],
      unresolved: [{ title: "Kept", year: 2020 }],
    });
  });
});
