import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./parse";

describe("parseCsvRecords", () => {
  it.each([
    [
      "plain LF",
      "a,b\nc,d\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      [1, 2],
    ],
    [
      "CRLF",
      "a,b\r\nc,d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      [1, 2],
    ],
    [
      "lone CR",
      "a,b\rc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      [1, 2],
    ],
    [
      "no trailing newline",
      "a,b\nc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
      [1, 2],
    ],
    [
      "empty fields",
      ",\n,x,",
      [
        ["", ""],
        ["", "x", ""],
      ],
      [1, 2],
    ],
    ["quoted comma", '"a,b",c', [["a,b", "c"]], [1]],
    ["doubled quote", '"say ""hi""",x', [['say "hi"', "x"]], [1]],
    ["only a doubled quote", '""""', [['"']], [1]],
    ["quoted empty", '"",""', [["", ""]], [1]],
    [
      "embedded LF",
      '"one\ntwo",x\ny,z',
      [
        ["one\ntwo", "x"],
        ["y", "z"],
      ],
      [1, 3],
    ],
    ["embedded CRLF kept verbatim", '"one\r\ntwo"\r\nz', [["one\r\ntwo"], ["z"]], [1, 3]],
    ["embedded lone CR counts as a line", '"a\rb"\nz', [["a\rb"], ["z"]], [1, 3]],
    ["several embedded lines", 'h\n"1\n2\n3"\nlast', [["h"], ["1\n2\n3"], ["last"]], [1, 2, 5]],
    [
      "BOM dropped",
      "\uFEFFa,b\n1,2",
      [
        ["a", "b"],
        ["1", "2"],
      ],
      [1, 2],
    ],
    ["blank lines skipped, numbering kept", "a\n\n\r\nb\n\n", [["a"], ["b"]], [1, 4]],
    ["spaces kept", " a , b ", [[" a ", " b "]], [1]],
    ["quote inside unquoted field is literal", 'ab"c,d', [['ab"c', "d"]], [1]],
    [
      "unicode",
      "é,日本\n😀,x",
      [
        ["é", "日本"],
        ["😀", "x"],
      ],
      [1, 2],
    ],
  ])("%s", (_name, input, values, lines) => {
    const { records, issues } = parseCsvRecords(input);
    expect(issues).toEqual([]);
    expect(records.map((r) => r.values)).toEqual(values);
    expect(records.map((r) => r.line)).toEqual(lines);
  });

  it("returns nothing for empty input or only a BOM", () => {
    expect(parseCsvRecords("")).toEqual({ records: [], issues: [] });
    expect(parseCsvRecords("\uFEFF")).toEqual({ records: [], issues: [] });
  });

  it("stops at an unterminated quote, naming the line where it opened", () => {
    const { records, issues } = parseCsvRecords('a,b\n1,2\n3,"never\nclosed\n4,5\n');
    expect(records.map((r) => r.values)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(issues).toEqual([
      { line: 3, message: "unterminated quoted field: the quote opened on line 3 is never closed" },
    ]);
  });

  it("refuses a record with text after a closing quote and goes on with the next", () => {
    const { records, issues } = parseCsvRecords('a,b\n"x"y,1\nc,d\n');
    expect(records.map((r) => [r.line, r.values])).toEqual([
      [1, ["a", "b"]],
      [3, ["c", "d"]],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(2);
    expect(issues[0]?.message).toMatch(/after a closing quote/);
  });
});

describe("parseCsv", () => {
  it("splits the header from the rows", () => {
    const table = parseCsv("title,topic\r\nA,NLP\r\nB,Vision\r\n");
    expect(table.header).toEqual(["title", "topic"]);
    expect(table.headerLine).toBe(1);
    expect(table.rows).toEqual([
      { line: 2, values: ["A", "NLP"] },
      { line: 3, values: ["B", "Vision"] },
    ]);
    expect(table.issues).toEqual([]);
  });

  it("reports every row with the wrong number of columns, with its line", () => {
    const table = parseCsv('a,b\n1\n"multi\nline",2\n1,2,3\nok,ok\n');
    expect(table.rows).toEqual([
      { line: 3, values: ["multi\nline", "2"] },
      { line: 6, values: ["ok", "ok"] },
    ]);
    expect(table.issues).toEqual([
      { line: 2, message: "has 1 column; the header has 2" },
      { line: 5, message: "has 3 columns; the header has 2" },
    ]);
  });

  it("says when there is no header", () => {
    expect(parseCsv("\n\n").issues).toEqual([{ line: 1, message: "the file has no header row" }]);
  });

  it("does not promote the second record to header when the header is unreadable", () => {
    const table = parseCsv('"a"x,b\n1,2\n');
    expect(table.header).toEqual([]);
    expect(table.rows).toEqual([]);
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]?.line).toBe(1);
  });

  it("reports an unterminated quote alongside column-count issues, in line order", () => {
    const table = parseCsv('a,b\n1\n"open,2\n');
    expect(table.issues.map((i) => i.line)).toEqual([2, 3]);
    expect(table.issues[1]?.message).toMatch(/unterminated/);
  });
});
