import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import { toCsv } from "@/lib/csv/write";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import { describeImportResult, MAX_IMPORT_BYTES, parseIdeaImport } from "./import";

const template: IdeaTemplateField[] = [
  { key: "title", label: "Title", guidance: "", required: true, wordLimit: 10 },
  { key: "method", label: "Proposed method", guidance: "", required: true, wordLimit: 50 },
  { key: "notes", label: "Notes", guidance: "", required: false, wordLimit: null },
];
const topics = [
  { id: "t-nlp", name: "NLP" },
  { id: "t-rob", name: "Robotics" },
];
const conditions = [
  { id: "c-h", key: "Human", label: "Human baseline" },
  { id: "c-ai", key: "AI", label: "AI ideas" },
];

function run(fileName: string, content: string, existing: string[] = []) {
  return parseIdeaImport({
    fileName,
    content,
    template,
    topics,
    conditions,
    existingExternalIds: new Set(existing),
  });
}

const good = { title: "Sparse attention", method: "Prune heads.", topic: "NLP", condition: "AI" };
const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join("\n");
const csv = (columns: string[], rows: string[][]) => toCsv({ columns, rows });
const messages = (result: ReturnType<typeof run>) => result.errors.map((e) => e.message);

describe("parseIdeaImport: good files", () => {
  it("reads JSONL, matching topics and conditions loosely and keeping line numbers", () => {
    const content = [
      JSON.stringify({ ...good, external_id: "a-1" }),
      "",
      "   ",
      JSON.stringify({
        title: "Robot grasping",
        method: "Use tactile\r\nsensors.",
        notes: "n",
        topic: "  robotics ",
        condition: "human baseline",
        external_id: 17,
      }),
      JSON.stringify({ ...good, condition: "ai", external_id: null }),
      "",
    ].join("\r\n");
    const result = run("ideas.JSONL", content);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.format).toBe("jsonl");
    expect(result.duplicates).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 1,
        topicId: "t-nlp",
        conditionId: "c-ai",
        externalId: "a-1",
        fields: { title: "Sparse attention", method: "Prune heads.", notes: "" },
      },
      {
        line: 4,
        topicId: "t-rob",
        conditionId: "c-h",
        externalId: "17",
        fields: { title: "Robot grasping", method: "Use tactile\nsensors.", notes: "n" },
      },
      {
        line: 5,
        topicId: "t-nlp",
        conditionId: "c-ai",
        externalId: null,
        fields: { title: "Sparse attention", method: "Prune heads.", notes: "" },
      },
    ]);
    expect(describeImportResult(result)).toBe("3 new ideas will be imported.");
  });

  it("reads CSV with a BOM, capitalized headers, any column order and multi-line fields", () => {
    const content = `\uFEFF${csv(
      ["Condition", "topic", "Title", "method", "external_id"],
      [
        ["AI", "NLP", "First", "Line one\nline two\nline three", "x-1"],
        ["Human", "Robotics", "Second", "Grip, then lift", ""],
      ],
    )}`;
    const result = run("export.csv", content);
    expect(result.errors).toEqual([]);
    expect(result.format).toBe("csv");
    expect(result.rows.map((r) => [r.line, r.conditionId, r.topicId, r.externalId, r.fields])).toEqual([
      [2, "c-ai", "t-nlp", "x-1", { title: "First", method: "Line one\nline two\nline three", notes: "" }],
      [5, "c-h", "t-rob", null, { title: "Second", method: "Grip, then lift", notes: "" }],
    ]);
  });

  it("prefers a condition's key over another condition's label", () => {
    const tricky = [
      { id: "c-1", key: "A", label: "B" },
      { id: "c-2", key: "B", label: "Other" },
    ];
    const result = parseIdeaImport({
      fileName: "x.jsonl",
      content: jsonl({ ...good, condition: "b" }),
      template,
      topics,
      conditions: tricky,
      existingExternalIds: new Set(),
    });
    expect(result.rows[0]?.conditionId).toBe("c-2");
  });
});

describe("parseIdeaImport: bad rows are all reported, with line and field", () => {
  it.each<[string, string, string, Array<{ line: number; field?: string; message: string | RegExp }>]>([
    [
      "invalid JSON",
      "a.jsonl",
      `${jsonl(good)}\n{"title": "x",`,
      [{ line: 2, message: /^line 2: not valid JSON \(.+\)$/ }],
    ],
    [
      "an array instead of an object",
      "a.jsonl",
      `[1, 2]\n"text"`,
      [
        { line: 1, message: "line 1: expected a JSON object, got an array" },
        { line: 2, message: "line 2: expected a JSON object, got string" },
      ],
    ],
    [
      "an unknown key",
      "a.jsonl",
      jsonl({ ...good, author: "Bob" }),
      [{ line: 1, field: "author", message: 'line 1: unknown key "author"' }],
    ],
    [
      "an unknown topic",
      "a.jsonl",
      jsonl(good, { ...good, topic: "Vision" }),
      [
        {
          line: 2,
          field: "topic",
          message: 'line 2: topic "Vision" is not a topic of this study (known: NLP, Robotics)',
        },
      ],
    ],
    [
      "a missing topic and a blank condition",
      "a.jsonl",
      jsonl({ title: "t", method: "m", condition: " " }),
      [
        { line: 1, field: "topic", message: "line 1: topic is missing" },
        { line: 1, field: "condition", message: "line 1: condition is missing" },
      ],
    ],
    [
      "a topic that is not text",
      "a.jsonl",
      jsonl({ ...good, topic: 3 }),
      [{ line: 1, field: "topic", message: "line 1: topic must be text, not number" }],
    ],
    [
      "an unknown condition",
      "a.jsonl",
      jsonl({ ...good, condition: "Robot" }),
      [
        {
          line: 1,
          field: "condition",
          message: 'line 1: condition "Robot" is not a condition of this study (known: Human, AI)',
        },
      ],
    ],
    [
      "a missing required field",
      "a.jsonl",
      jsonl(good, good, { ...good, method: "  " }),
      [{ line: 3, field: "method", message: 'line 3: Proposed method is required (column "method")' }],
    ],
    [
      "a field over its word limit",
      "a.jsonl",
      jsonl({ ...good, title: "one two three four five six seven eight nine ten eleven" }),
      [{ line: 1, field: "title", message: 'line 1: Title has 11 words; the limit is 10 (column "title")' }],
    ],
    [
      "a field that is not text",
      "a.jsonl",
      jsonl({ ...good, notes: ["a"] }),
      [{ line: 1, field: "notes", message: 'line 1: Notes must be text (column "notes")' }],
    ],
    [
      "a field over the character cap",
      "a.jsonl",
      jsonl({ ...good, notes: "x".repeat(20_001) }),
      [
        {
          line: 1,
          field: "notes",
          message: /^line 1: Notes is too long: 20,001 characters .* \(column "notes"\)$/,
        },
      ],
    ],
    [
      "an external_id repeated within the file",
      "a.jsonl",
      jsonl({ ...good, external_id: "x" }, good, { ...good, external_id: " x " }),
      [{ line: 3, field: "external_id", message: 'line 3: external_id "x" repeats line 1' }],
    ],
    [
      "an external_id that is an object",
      "a.jsonl",
      jsonl({ ...good, external_id: { id: 1 } }),
      [
        {
          line: 1,
          field: "external_id",
          message: "line 1: external_id must be text or a number, not an object",
        },
      ],
    ],
    [
      "several problems on several rows",
      "a.jsonl",
      jsonl({ ...good, topic: "Vision", method: "" }, good, { ...good, condition: "X" }),
      [
        { line: 1, field: "topic", message: /^line 1: topic "Vision"/ },
        { line: 1, field: "method", message: 'line 1: Proposed method is required (column "method")' },
        { line: 3, field: "condition", message: /^line 3: condition "X"/ },
      ],
    ],
    [
      "an unknown CSV column, with bad rows still checked",
      "a.csv",
      csv(
        ["title", "method", "topic", "condition", "foo"],
        [
          ["t", "m", "NLP", "AI", "1"],
          ["t", "m", "Vision", "AI", "2"],
        ],
      ),
      [
        {
          line: 1,
          field: "foo",
          message: /^line 1: unknown column "foo" \(expected: title, method, notes, topic/,
        },
        { line: 3, field: "topic", message: /^line 3: topic "Vision"/ },
      ],
    ],
    [
      "a missing required CSV column, said once",
      "a.csv",
      csv(
        ["title", "topic", "condition"],
        [
          ["t", "NLP", "AI"],
          ["u", "NLP", "AI"],
        ],
      ),
      [{ line: 1, field: "method", message: 'line 1: missing column "method"' }],
    ],
    [
      "a repeated CSV column",
      "a.csv",
      csv(["title", "method", "Title", "topic", "condition"], [["t", "m", "t", "NLP", "AI"]]),
      [{ line: 1, field: "title", message: 'line 1: column "Title" appears more than once' }],
    ],
    [
      "CSV rows with the wrong number of columns, after a multi-line field",
      "a.csv",
      'title,method,topic,condition\r\nt,"multi\nline",NLP,AI\r\nt,m\r\nt,m,NLP,AI,extra\r\n',
      [
        { line: 4, message: "line 4: has 2 columns; the header has 4" },
        { line: 5, message: "line 5: has 5 columns; the header has 4" },
      ],
    ],
    [
      "an unterminated CSV quote",
      "a.csv",
      'title,method,topic,condition\nt,m,NLP,AI\nt,"never closed,NLP,AI\n',
      [{ line: 3, message: "line 3: unterminated quoted field: the quote opened on line 3 is never closed" }],
    ],
    [
      "a missing required value in CSV",
      "a.csv",
      csv(["title", "method", "topic", "condition"], [["", "m", "NLP", "AI"]]),
      [{ line: 2, field: "title", message: 'line 2: Title is required (column "title")' }],
    ],
  ])("%s", (_name, fileName, content, expected) => {
    const result = run(fileName, content);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      const got = at(result.errors, i);
      expect(got.line).toBe(want.line);
      expect(got.field).toBe(want.field);
      if (typeof want.message === "string") expect(got.message).toBe(want.message);
      else expect(got.message).toMatch(want.message);
    });
    // Bad lines never reach the rows a preview would show as importable.
    const badLines = new Set(result.errors.map((e) => e.line));
    for (const row of result.rows) expect(badLines.has(row.line)).toBe(false);
    expect(describeImportResult(result)).toMatch(/^Nothing will be imported: fix the /);
  });

  it("keeps the good rows of a bad file for the preview", () => {
    const result = run("a.jsonl", jsonl(good, { ...good, topic: "Vision" }, { ...good, notes: "ok" }));
    expect(result.ok).toBe(false);
    expect(result.rows.map((r) => r.line)).toEqual([1, 3]);
  });

  it("reports an ambiguous topic", () => {
    const result = parseIdeaImport({
      fileName: "a.jsonl",
      content: jsonl(good),
      template,
      topics: [...topics, { id: "t-2", name: "nlp" }],
      conditions,
      existingExternalIds: new Set(),
    });
    expect(messages(result)).toEqual(['line 1: topic "NLP" matches more than one topic']);
  });

  it("says when the study has no topics yet", () => {
    const result = parseIdeaImport({
      fileName: "a.jsonl",
      content: jsonl(good),
      template,
      topics: [],
      conditions,
      existingExternalIds: new Set(),
    });
    expect(messages(result)).toEqual(['line 1: topic "NLP" is not a topic of this study (none defined yet)']);
  });
});

describe("parseIdeaImport: whole-file problems", () => {
  it.each<[string, string, string, string, "jsonl" | "csv" | null]>([
    [
      "an unknown extension",
      "ideas.txt",
      jsonl(good),
      '"ideas.txt" is neither a .jsonl nor a .csv file; export the ideas as one of those.',
      null,
    ],
    [
      "no extension",
      "jsonl",
      jsonl(good),
      '"jsonl" is neither a .jsonl nor a .csv file; export the ideas as one of those.',
      null,
    ],
    ["an empty file", "a.jsonl", "", "The file is empty.", "jsonl"],
    ["only whitespace", "a.csv", " \r\n\n ", "The file is empty.", "csv"],
    ["only a BOM", "a.csv", "\uFEFF", "The file is empty.", "csv"],
    [
      "a header and no rows",
      "a.csv",
      "title,method,topic,condition\r\n",
      "The file has a header but no ideas.",
      "csv",
    ],
  ])("%s", (_name, fileName, content, message, format) => {
    const result = run(fileName, content);
    expect(result).toEqual({ ok: false, format, rows: [], duplicates: [], errors: [{ line: 0, message }] });
  });

  it("refuses a file over 10 MB, counting bytes rather than characters", () => {
    const chars = Math.ceil(MAX_IMPORT_BYTES / 2) + 10;
    // Each "é" is two bytes in UTF-8: half as many characters as the limit in bytes is already too big.
    const result = run("a.jsonl", `${jsonl(good)}\n${JSON.stringify({ ...good, notes: "é".repeat(chars) })}`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe(
      "The file is 10.0 MB; the limit is 10 MB. Split it into smaller files.",
    );
    expect(run("a.jsonl", `${jsonl(good)}\n${" ".repeat(chars)}`).ok).toBe(true);
  });

  it("refuses more than 5,000 ideas with one error, and accepts exactly 5,000", () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => JSON.stringify({ ...good, external_id: `e${i}` }));
    const over = run("a.jsonl", lines(5_001).join("\n"));
    expect(over.errors).toEqual([
      {
        line: 0,
        message: "The file has 5,001 ideas; the limit is 5,000 per import. Split it into smaller files.",
      },
    ]);
    expect(over.rows).toEqual([]);
    const atLimit = run("a.jsonl", lines(5_000).join("\n"));
    expect(atLimit.ok).toBe(true);
    expect(atLimit.rows).toHaveLength(5_000);
  });

  it("counts CSV rows for the limit even when they are bad", () => {
    const rows = Array.from({ length: 5_001 }, () => ["t"]);
    const result = run("a.csv", csv(["title"], rows));
    expect(messages(result)).toEqual([
      "The file has 5,001 ideas; the limit is 5,000 per import. Split it into smaller files.",
    ]);
  });
});

describe("parseIdeaImport: re-imports", () => {
  const file = jsonl(
    { ...good, external_id: "a" },
    { ...good, external_id: "b" },
    { ...good, external_id: "c" },
  );

  it("skips ideas whose external_id the study already has, without calling them errors", () => {
    const result = run("a.jsonl", file, ["b"]);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.externalId)).toEqual(["a", "c"]);
    expect(result.duplicates).toEqual([{ line: 2, externalId: "b" }]);
    expect(describeImportResult(result)).toBe(
      "2 new ideas will be imported; 1 idea was imported before (same external_id) and will be skipped.",
    );
  });

  it("imports nothing new when the same file comes again, and says so", () => {
    const first = run("a.jsonl", file);
    const again = run(
      "a.jsonl",
      file,
      first.rows.map((r) => r.externalId!),
    );
    expect(again.ok).toBe(true);
    expect(again.rows).toEqual([]);
    expect(again.duplicates.map((d) => d.line)).toEqual([1, 2, 3]);
    expect(describeImportResult(again)).toBe(
      "Nothing new to import: all 3 ideas in this file were imported before (same external_id).",
    );
  });

  it("accepts the existing ids as a list too", () => {
    const result = parseIdeaImport({
      fileName: "a.jsonl",
      content: file,
      template,
      topics,
      conditions,
      existingExternalIds: ["a", "c"],
    });
    expect(result.duplicates.map((d) => d.externalId)).toEqual(["a", "c"]);
    expect(result.rows.map((r) => r.externalId)).toEqual(["b"]);
  });

  it("still reports errors in rows that would be skipped", () => {
    const result = run("a.jsonl", jsonl({ ...good, external_id: "a", topic: "Vision" }), ["a"]);
    expect(result.ok).toBe(false);
    expect(result.duplicates).toEqual([]);
    expect(messages(result)[0]).toMatch(/^line 1: topic "Vision"/);
  });
});

describe("describeImportResult", () => {
  it("counts problems and lines", () => {
    const result = run("a.jsonl", jsonl({ ...good, topic: "V", method: "" }, { ...good, condition: "X" }));
    expect(describeImportResult(result)).toBe(
      "Nothing will be imported: fix the 3 problems on 2 lines below and upload the file again.",
    );
    expect(describeImportResult(run("a.txt", ""))).toBe(
      "Nothing will be imported: fix the problem below and upload the file again.",
    );
    expect(describeImportResult(run("a.jsonl", jsonl(good)))).toBe("1 new idea will be imported.");
  });
});
