import { describe, expect, it } from "vitest";
import { effectiveDate, passesCutoff } from "./cutoff";
import { rankByScore } from "./order";
import { createTermCache, keywordQueries, paperOverlap, relevanceScore } from "./text";

describe("keywordQueries", () => {
  it("makes at most five queries from the topic's content words, all of them first", () => {
    expect(keywordQueries("Improving low-resource machine translation with pivot languages")).toEqual([
      "low-resource machine translation pivot languages",
      "low-resource machine translation",
      "machine translation pivot",
      "translation pivot languages",
      "low-resource machine",
    ]);
    expect(keywordQueries("Parsing")).toEqual(["parsing"]);
    expect(keywordQueries("of the and")).toEqual([]);
  });
});

describe("relevanceScore and paperOverlap", () => {
  it("weighs title words twice abstract words, in [0, 1]", () => {
    expect(relevanceScore("neural parsing", { title: "Neural parsing", abstract: "neural parsing" })).toBe(1);
    expect(relevanceScore("neural parsing", { title: "Neural tagging", abstract: "" })).toBeCloseTo(2 / 6);
    expect(relevanceScore("neural parsing", { title: "", abstract: "parsing" })).toBeCloseTo(1 / 6);
    expect(
      paperOverlap({ title: "graph parsing", abstract: "" }, { title: "graph tagging", abstract: "" }),
    ).toBeCloseTo(1 / 3);
  });
});

describe("createTermCache", () => {
  it("gives the same scores as uncached scoring and starts over when full", () => {
    const terms = createTermCache(2);
    const paper = { title: "Neural tagging", abstract: "parsing with graphs" };
    expect(relevanceScore("neural parsing", paper, terms)).toBe(relevanceScore("neural parsing", paper));
    expect(paperOverlap(paper, { title: "graph tagging", abstract: "" }, terms)).toBe(
      paperOverlap(paper, { title: "graph tagging", abstract: "" }),
    );
    const first = terms("alpha beta");
    expect(terms("alpha beta")).toBe(first);
    terms("gamma");
    terms("delta");
    expect(terms("alpha beta")).not.toBe(first);
    expect([...terms("alpha beta")]).toEqual(["alpha", "beta"]);
  });
});

describe("cut-off", () => {
  it("uses the date, a month's last day, or the year's last day", () => {
    expect(effectiveDate({ date: "2019-02-03", year: 2019 })).toBe("2019-02-03");
    expect(effectiveDate({ date: "2019-04", year: 2019 })).toBe("2019-04-30");
    expect(effectiveDate({ date: null, year: 2019 })).toBe("2019-12-31");
    expect(effectiveDate({ date: null, year: null })).toBeNull();
  });
  it("lets a paper through only when its date is known and strictly before the cut-off", () => {
    expect(passesCutoff({ date: "2019-12-31", year: 2019 }, "2020-01-01")).toBe(true);
    expect(passesCutoff({ date: "2020-01-01", year: 2020 }, "2020-01-01")).toBe(false);
    expect(passesCutoff({ date: null, year: 2020 }, "2020-06-01")).toBe(false);
    expect(passesCutoff({ date: null, year: null }, "2020-06-01")).toBe(false);
    expect(passesCutoff({ date: null, year: null }, null)).toBe(true);
  });
});

describe("rankByScore", () => {
  it("breaks ties the same way whatever the input order, by the seed", () => {
    const items = ["e", "d", "c", "b", "a"].map((id) => ({ id }));
    const a = rankByScore(items, () => 1, 3).map((x) => x.id);
    expect(rankByScore([...items].reverse(), () => 1, 3).map((x) => x.id)).toEqual(a);
    expect(rankByScore(items, (x) => (x.id === "c" ? 2 : 1), 3)[0]?.id).toBe("c");
    const orders = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        rankByScore(items, () => 1, seed)
          .map((x) => x.id)
          .join(""),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
