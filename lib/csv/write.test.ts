import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse";
import { formatCsvField, toCsv } from "./write";

/** Seeded PRNG (mulberry32) so that a failing random case can be replayed. */
function makeRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Weighted towards the characters that matter to CSV.
const PIECES = ['"', ",", "\n", "\r", "\r\n", " ", "\t", "a", "Z", "0", "é", "😀", "\uFEFF", '""', "x y"];

function randomString(random: () => number): string {
  const length = Math.floor(random() * 8);
  let out = "";
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

describe("formatCsvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\ronly", '"cr\ronly"'],
    [" leading", '" leading"'],
    ["trailing ", '"trailing "'],
    ["\ttab", "'\ttab"], // a leading tab can start a formula: neutralized (lib/csv/formula.ts)
    ["inner space", "inner space"],
    ["é日本", "é日本"],
  ])("%j → %j", (input, expected) => {
    expect(formatCsvField(input)).toBe(expected);
  });

  it("writes null and undefined as empty and numbers and booleans as text", () => {
    expect(formatCsvField(null)).toBe("");
    expect(formatCsvField(undefined)).toBe("");
    expect(formatCsvField(12.5)).toBe("12.5");
    expect(formatCsvField(false)).toBe("false");
  });
});

describe("toCsv", () => {
  it("writes a header and rows with CRLF after every record", () => {
    expect(
      toCsv({
        columns: ["id", "text"],
        rows: [
          ["1", "hello, world"],
          ["2", null],
        ],
      }),
    ).toBe('id,text\r\n1,"hello, world"\r\n2,\r\n');
  });

  it("quotes a lone empty value so the row is not read as a blank line", () => {
    const csv = toCsv({ columns: ["only"], rows: [[""], ["x"]] });
    expect(csv).toBe('only\r\n""\r\nx\r\n');
    expect(parseCsv(csv).rows.map((r) => r.values)).toEqual([[""], ["x"]]);
  });

  it("refuses a row of the wrong length", () => {
    expect(() => toCsv({ columns: ["a", "b"], rows: [["1"]] })).toThrow(
      "CSV row 1 has 1 values for 2 columns.",
    );
  });

  it("round-trips random strings through parseCsv", () => {
    const random = makeRandom(20240611);
    for (let trial = 0; trial < 400; trial++) {
      const width = 1 + Math.floor(random() * 4);
      const columns = Array.from({ length: width }, (_, i) => `c${i}${randomString(random)}`);
      const rows = Array.from({ length: Math.floor(random() * 5) }, () =>
        Array.from({ length: width }, () => randomString(random)),
      );
      const table = parseCsv(toCsv({ columns, rows }));
      expect(table.issues, `trial ${trial}`).toEqual([]);
      expect(table.header, `trial ${trial}`).toEqual(columns);
      expect(
        table.rows.map((r) => r.values),
        `trial ${trial}`,
      ).toEqual(rows);
    }
  });

  it("gives each row the physical line it starts on, counting embedded line breaks", () => {
    const csv = toCsv({
      columns: ["a"],
      rows: [["one\ntwo"], ["three"], ["x\r\ny\r\nz"], ["w"]],
    });
    expect(parseCsv(csv).rows.map((r) => r.line)).toEqual([2, 4, 5, 8]);
  });
});
