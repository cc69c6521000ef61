import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { detectCorpusFormat, parseBibliography } from "./bibliography";
import { parseJsonlCorpus } from "./jsonl";

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("invalid:corpus");
    return (e as AppError).message;
  }
  throw new Error("expected an error");
}

const good = [
  JSON.stringify({
    id: "p1",
    title: "First",
    abstract: "A",
    year: 2001,
    authors: ["Ada Lovelace"],
    venue: "ACL",
    references: [],
  }),
  "",
  JSON.stringify({
    id: "p2",
    title: "Second",
    abstract: null,
    year: 2002,
    authors: [{ name: "Alan Turing" }],
    venue: "EMNLP",
    references: ["p1"],
  }),
].join("\n");

describe("parseJsonlCorpus", () => {
  it("reads papers and resolves references to edges inside the file", () => {
    const c = parseJsonlCorpus(good);
    expect(c.papers.map((p) => [p.importId, p.title, p.year, p.venue])).toEqual([
      ["p1", "First", 2001, "ACL"],
      ["p2", "Second", 2002, "EMNLP"],
    ]);
    expect(c.papers[1]?.authors).toEqual([{ name: "Alan Turing" }]);
    expect(c.papers[1]?.abstract).toBe("");
    expect(c.edges).toEqual([{ citing: 1, cited: 0 }]);
  });

  it.each([
    ["not JSON", "{oops", "Line 1: not valid JSON."],
    ["missing title", JSON.stringify({ id: "x", year: 2000 }), "Line 1: title"],
    ["empty title", JSON.stringify({ id: "x", title: "  " }), "Line 1: title is required"],
    ["bad year", JSON.stringify({ id: "x", title: "T", year: "2000" }), "Line 1: year"],
    ["bad author", JSON.stringify({ id: "x", title: "T", authors: [3] }), "Line 1: authors[0]"],
    [
      "duplicate id",
      `${JSON.stringify({ id: "x", title: "T" })}\n${JSON.stringify({ id: "x", title: "U" })}`,
      'Line 2: id "x" is already used on line 1.',
    ],
    [
      "unknown reference",
      JSON.stringify({ id: "x", title: "T", references: ["y"] }),
      'Line 1: references[0] "y" is not the id of a paper in this file.',
    ],
    ["empty file", "\n\n", "The file holds no papers."],
  ])("rejects %s, naming the line", (_name, text, message) => {
    expect(errorOf(() => parseJsonlCorpus(text))).toContain(message);
  });

  it("lists every bad line, not only the first", () => {
    const text = `${good}\n{bad\n${JSON.stringify({ id: "z" })}`;
    const message = errorOf(() => parseJsonlCorpus(text));
    expect(message).toContain("Line 4:");
    expect(message).toContain("Line 5:");
  });
});

const bibtex = `@inproceedings{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017},
  doi = {10.5555/3295222.3295349},
  abstract = {The dominant {sequence} transduction models.}
}
@article{lecun2015, title = {Deep Learning}, journal = {Nature}, year = 2015, author = {LeCun, Yann}}
`;

const ris = `TY  - JOUR
ID  - r1
TI  - Deep learning
AU  - LeCun, Yann
AU  - Bengio, Yoshua
PY  - 2015
DA  - 2015/05/28
T2  - Nature
DO  - 10.1038/nature14539
AB  - Deep learning allows computational models.
ER  - 
`;

describe("parseBibliography", () => {
  it("reads BibTeX entries with ids, authors, venue and year", () => {
    const c = parseBibliography(bibtex, "bibtex");
    expect(c.papers).toHaveLength(2);
    expect(c.papers[0]).toMatchObject({
      importId: "vaswani2017",
      title: "Attention Is All You Need",
      doi: "10.5555/3295222.3295349",
      year: 2017,
      venue: "Advances in Neural Information Processing Systems",
      authors: [{ name: "Ashish Vaswani" }, { name: "Noam Shazeer" }],
      abstract: "The dominant sequence transduction models.",
      source: "bibtex",
    });
    expect(c.edges).toEqual([]);
  });

  it("reads RIS with its full date", () => {
    const [p] = parseBibliography(ris, "ris").papers;
    expect(p).toMatchObject({
      importId: "r1",
      title: "Deep learning",
      date: "2015-05-28",
      year: 2015,
      venue: "Nature",
      source: "ris",
    });
  });

  it("rejects a BibTeX syntax error with its line, and an entry without a title by name", () => {
    expect(errorOf(() => parseBibliography("@article{bad,\n  title = {Broken\n", "bibtex"))).toMatch(
      /could not be read: .*line 3/,
    );
    expect(errorOf(() => parseBibliography("@misc{notitle, year = 2001}", "bibtex"))).toContain(
      "Entry 1 (notitle): title is missing",
    );
  });

  it("detects the format from the file name", () => {
    expect(["a.jsonl", "b.BIB", "c.ris", "d.txt"].map(detectCorpusFormat)).toEqual([
      "jsonl",
      "bibtex",
      "ris",
      null,
    ]);
  });
});
