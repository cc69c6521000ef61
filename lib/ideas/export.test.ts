import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { at } from "@/lib/assert";
import { parseCsv } from "@/lib/csv/parse";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import {
  EXPORT_METADATA_COLUMNS,
  type ExportIdea,
  getExportColumns,
  getMarkdownFileNames,
  ideasToCsv,
  ideasToJsonl,
  ideasToMarkdownZip,
  ideaToMarkdown,
  slugify,
} from "./export";
import { DEFAULT_IDEA_TEMPLATE } from "./template";

const template: IdeaTemplateField[] = [
  { key: "title", label: "Title", guidance: "", required: true, wordLimit: 30 },
  { key: "method", label: "Proposed method", guidance: "", required: true, wordLimit: null },
];

function makeIdea(overrides: Partial<ExportIdea> = {}): ExportIdea {
  return {
    id: "idea-1",
    code: "K7QX-42MA",
    topic: "NLP",
    conditionKey: "AI",
    conditionLabel: "AI ideas",
    status: "submitted",
    provenance: "imported",
    provenanceSource: "batch.jsonl",
    externalId: "ext-1",
    authorName: null,
    authorEmail: null,
    createdAt: Date.UTC(2025, 0, 2, 3, 4, 5),
    submittedAt: Date.UTC(2025, 0, 3),
    fields: { title: "Self-checking prompts: do they help?", method: 'Step 1, then "step 2".\nStep 3' },
    normalizedFields: null,
    normalizationReview: "unreviewed",
    reviewTextSource: null,
    ...overrides,
  };
}

const written = makeIdea({
  id: "idea-2",
  code: "ZZ22-3344",
  provenance: "written",
  provenanceSource: null,
  externalId: null,
  authorName: "Núñez, José",
  authorEmail: "jose@example.org",
  submittedAt: null,
  fields: { title: "  Leading space, trailing\r\n", method: "" },
  normalizedFields: { title: "Normalized title", method: "Line one\n\nLine two with 😀" },
  normalizationReview: "accepted",
  reviewTextSource: "normalized",
});

describe("getExportColumns", () => {
  it("puts metadata first, then fields, then normalized fields", () => {
    expect(getExportColumns(template)).toEqual([
      "code",
      "id",
      "external_id",
      "topic",
      "condition",
      "condition_label",
      "status",
      "provenance",
      "provenance_source",
      "author_name",
      "author_email",
      "created_at",
      "submitted_at",
      "normalization_review",
      "review_text_source",
      "title",
      "method",
      "normalized_title",
      "normalized_method",
    ]);
  });

  it("renames a field that clashes with a metadata or normalized column instead of repeating it", () => {
    const clash: IdeaTemplateField[] = [
      { key: "provenance", label: "P", guidance: "", required: false, wordLimit: null },
      { key: "normalized_x", label: "N", guidance: "", required: false, wordLimit: null },
      { key: "x", label: "X", guidance: "", required: false, wordLimit: null },
    ];
    const columns = getExportColumns(clash);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columns.slice(EXPORT_METADATA_COLUMNS.length)).toEqual([
      "provenance_2",
      "normalized_x",
      "x",
      "normalized_provenance",
      "normalized_normalized_x",
      "normalized_x_2",
    ]);
  });
});

describe("ideasToCsv", () => {
  it("parses back with our parser to the same values", () => {
    const csv = ideasToCsv({ ideas: [makeIdea(), written], template });
    const table = parseCsv(csv);
    expect(table.issues).toEqual([]);
    expect(table.header).toEqual(getExportColumns(template));
    const records = table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.values[i]])));
    expect(records[0]).toMatchObject({
      id: "idea-1",
      external_id: "ext-1",
      condition: "AI",
      condition_label: "AI ideas",
      provenance_source: "batch.jsonl",
      author_name: "",
      created_at: "2025-01-02T03:04:05.000Z",
      submitted_at: "2025-01-03T00:00:00.000Z",
      title: "Self-checking prompts: do they help?",
      method: 'Step 1, then "step 2".\nStep 3',
      normalized_title: "",
      review_text_source: "",
    });
    expect(records[1]).toMatchObject({
      author_name: "Núñez, José",
      author_email: "jose@example.org",
      submitted_at: "",
      title: "  Leading space, trailing\r\n",
      method: "",
      normalized_title: "Normalized title",
      normalized_method: "Line one\n\nLine two with 😀",
      normalization_review: "accepted",
      review_text_source: "normalized",
    });
  });

  it("writes only the header when there are no ideas", () => {
    expect(ideasToCsv({ ideas: [], template })).toBe(`${getExportColumns(template).join(",")}\r\n`);
  });
});

describe("ideasToJsonl", () => {
  it("writes one parseable object per line with fields in template order", () => {
    const extra = makeIdea({ fields: { method: "m", title: "t", dropped_later: "kept" } });
    const jsonl = ideasToJsonl({ ideas: [makeIdea(), written, extra], template });
    const lines = jsonl.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    const [first, second, third] = lines.slice(0, 3).map((l) => JSON.parse(l));
    expect(Object.keys(first)).toEqual([...EXPORT_METADATA_COLUMNS, "fields", "normalized_fields"]);
    expect(first).toMatchObject({
      code: "K7QX-42MA",
      condition: "AI",
      created_at: "2025-01-02T03:04:05.000Z",
      fields: makeIdea().fields,
      normalized_fields: null,
    });
    expect(second.author_email).toBe("jose@example.org");
    expect(second.submitted_at).toBeNull();
    expect(second.normalized_fields).toEqual(written.normalizedFields);
    expect(Object.keys(third.fields)).toEqual(["title", "method", "dropped_later"]);
  });

  it("escapes line and paragraph separators so no line reader splits a record", () => {
    const jsonl = ideasToJsonl({
      ideas: [makeIdea({ fields: { title: "a\u2028b\u2029c", method: "" } })],
      template,
    });
    expect(jsonl).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(jsonl.trim()).fields.title).toBe("a\u2028b\u2029c");
  });

  it("is empty for no ideas", () => {
    expect(ideasToJsonl({ ideas: [], template })).toBe("");
  });
});

describe("ideaToMarkdown", () => {
  it("writes the header, the original sections and no normalized part when there is none", () => {
    expect(ideaToMarkdown({ idea: makeIdea(), template })).toBe(
      [
        "---",
        'code: "K7QX-42MA"',
        'id: "idea-1"',
        'external_id: "ext-1"',
        'topic: "NLP"',
        'condition: "AI"',
        'condition_label: "AI ideas"',
        'status: "submitted"',
        'provenance: "imported"',
        'provenance_source: "batch.jsonl"',
        "author_name: null",
        "author_email: null",
        'created_at: "2025-01-02T03:04:05.000Z"',
        'submitted_at: "2025-01-03T00:00:00.000Z"',
        'normalization_review: "unreviewed"',
        "review_text_source: null",
        "---",
        "",
        "# Original",
        "",
        "## Title",
        "",
        "Self-checking prompts: do they help?",
        "",
        "## Proposed method",
        "",
        'Step 1, then "step 2".',
        "Step 3",
        "",
      ].join("\n"),
    );
  });

  it("adds the normalized part and marks empty fields", () => {
    const md = ideaToMarkdown({ idea: written, template });
    expect(md).toContain("## Proposed method\n\n_(empty)_\n\n# Normalized\n\n## Title\n\nNormalized title\n");
    expect(md).toContain('author_name: "Núñez, José"');
    expect(md.endsWith("Line one\n\nLine two with 😀\n")).toBe(true);
    expect(md).not.toContain("\r");
  });

  it("uses the default template's labels", () => {
    const md = ideaToMarkdown({
      idea: makeIdea({ fields: { title: "T" } }),
      template: DEFAULT_IDEA_TEMPLATE,
    });
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual(DEFAULT_IDEA_TEMPLATE.map((f) => `## ${f.label}`));
  });
});

describe("slugify and file names", () => {
  it.each([
    ["Self-checking prompts: do they help?", "self-checking-prompts-do-they-help"],
    ["Café Résumé", "cafe-resume"],
    ["../../etc/passwd", "etc-passwd"],
    ["日本語", ""],
    ["   ", ""],
    ["a".repeat(80), "a".repeat(60)],
    [`${"word ".repeat(20)}end`, "word-word-word-word-word-word-word-word-word-word-word-word"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("names files by code and title, unique regardless of case, safe when code or title are odd", () => {
    const names = getMarkdownFileNames({
      ideas: [
        makeIdea(),
        makeIdea({ code: "k7qx-42ma" }),
        makeIdea(),
        makeIdea({ code: "../x y", fields: { title: "日本語" } }),
      ],
      template,
    });
    expect(names).toEqual([
      "K7QX-42MA-self-checking-prompts-do-they-help.md",
      "k7qx-42ma-self-checking-prompts-do-they-help-2.md",
      "K7QX-42MA-self-checking-prompts-do-they-help-3.md",
      "x-y-untitled.md",
    ]);
  });
});

describe("ideasToMarkdownZip", () => {
  it("unzips to one Markdown file per idea with the same text", () => {
    const ideas = [makeIdea(), written];
    const zip = ideasToMarkdownZip({ ideas, template });
    const files = unzipSync(zip);
    const names = getMarkdownFileNames({ ideas, template });
    expect(Object.keys(files).sort()).toEqual([...names].sort());
    ideas.forEach((idea, i) => {
      const file = files[at(names, i)];
      expect(file).toBeDefined();
      expect(strFromU8(file ?? new Uint8Array())).toBe(ideaToMarkdown({ idea, template }));
    });
  });

  it("gives the same bytes for the same ideas", () => {
    const a = ideasToMarkdownZip({ ideas: [makeIdea(), written], template });
    const b = ideasToMarkdownZip({ ideas: [makeIdea(), written], template });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("is a valid, empty archive for no ideas", () => {
    expect(unzipSync(ideasToMarkdownZip({ ideas: [], template }))).toEqual({});
  });
});
