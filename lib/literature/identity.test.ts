import { describe, expect, it } from "vitest";
import {
  effectiveDate,
  isSamePaper,
  mergePapers,
  normalizeAclId,
  normalizeArxivId,
  normalizeDoi,
  normalizeIds,
  normalizeOpenAlexId,
  normalizeTitle,
  titleYearKey,
} from "./identity";
import { paper } from "./test-papers";

describe("id normalization", () => {
  it.each([
    ["https://doi.org/10.1000/ABC.123", "10.1000/abc.123"],
    ["doi:10.18653/v1/N19-1423", "10.18653/v1/n19-1423"],
    ["not a doi", null],
  ])("DOI %s → %s", (raw, want) => expect(normalizeDoi(raw)).toBe(want));

  it.each([
    ["arXiv:1706.03762v5", "1706.03762"],
    ["http://arxiv.org/abs/2408.00716v1", "2408.00716"],
    ["https://arxiv.org/pdf/1706.03762.pdf", "1706.03762"],
    ["hep-th/9901001v2", "hep-th/9901001"],
    ["1706", null],
  ])("arXiv %s → %s", (raw, want) => expect(normalizeArxivId(raw)).toBe(want));

  it("OpenAlex and ACL ids take one canonical form", () => {
    expect(normalizeOpenAlexId("https://openalex.org/W2741809807")).toBe("W2741809807");
    expect(normalizeOpenAlexId("w12")).toBe("W12");
    expect(normalizeAclId("p19-1001")).toBe("P19-1001");
    expect(normalizeAclId("2020.ACL-main.1")).toBe("2020.acl-main.1");
    expect(normalizeAclId("p1")).toBeNull();
  });

  it("an import id that is an ACL id also fills aclId", () => {
    expect(normalizeIds({ importId: "A00-1001" })).toMatchObject({ aclId: "A00-1001", importId: "A00-1001" });
    expect(normalizeIds({ importId: "p1" })).toMatchObject({ aclId: null, importId: "p1" });
  });

  it("titles lose case, accents and punctuation", () => {
    expect(normalizeTitle("  BERT: Pre-training of   Deep Bidirectional Transformers ")).toBe(
      "bert pre training of deep bidirectional transformers",
    );
    expect(normalizeTitle("Résumé—Über")).toBe("resume uber");
  });
});

describe("isSamePaper", () => {
  it("matches on a shared external id even when titles differ", () => {
    expect(
      isSamePaper(paper({ doi: "10.1/x" }), paper({ doi: "10.1/x", title: "Other title", year: 2018 })),
    ).toBe(true);
  });

  it("never merges papers whose ids of the same kind differ, even with equal title and year", () => {
    expect(isSamePaper(paper({ doi: "10.1/x" }), paper({ doi: "10.1/y" }))).toBe(false);
    expect(
      isSamePaper(
        paper({ arxivId: "1706.03762", doi: "10.1/x" }),
        paper({ arxivId: "1706.03762", doi: "10.1/y" }),
      ),
    ).toBe(false);
  });

  it("falls back to exact normalized title + year, never title alone", () => {
    expect(isSamePaper(paper({ title: "Attention is all you need!" }), paper())).toBe(true);
    expect(isSamePaper(paper(), paper({ year: 2018 }))).toBe(false);
    expect(isSamePaper(paper({ year: null }), paper({ year: null }))).toBe(false);
    expect(titleYearKey(paper({ year: null }))).toBeNull();
  });
});

describe("mergePapers", () => {
  it("fills ids and empty fields, keeps the longer abstract and the larger citation count", () => {
    const s2 = paper({
      s2Id: "a".repeat(40),
      abstract: "short",
      citationCount: 5,
      source: "semantic_scholar",
    });
    const oa = paper({
      openalexId: "W1",
      abstract: "a much longer abstract",
      citationCount: 9,
      venue: "NeurIPS",
    });
    const merged = mergePapers(s2, oa);
    expect(merged).toMatchObject({
      s2Id: "a".repeat(40),
      openalexId: "W1",
      abstract: "a much longer abstract",
      citationCount: 9,
      venue: "NeurIPS",
      source: "semantic_scholar",
    });
  });

  it("does not overwrite a value the stored paper already has", () => {
    const merged = mergePapers(paper({ venue: "ACL", year: 2017 }), paper({ venue: "arXiv", year: 2016 }));
    expect(merged.venue).toBe("ACL");
    expect(merged.year).toBe(2017);
  });
});

describe("effectiveDate", () => {
  it("uses the date, else the last day of the year, else null", () => {
    expect(effectiveDate({ date: "2020-03-04", year: 2020 })).toBe("2020-03-04");
    expect(effectiveDate({ date: null, year: 2020 })).toBe("2020-12-31");
    expect(effectiveDate({ date: "2020-03", year: 2020 })).toBe("2020-03-31");
    expect(effectiveDate({ date: null, year: null })).toBeNull();
  });
});
