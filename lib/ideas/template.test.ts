import { describe, expect, it } from "vitest";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import {
  countWords,
  DEFAULT_IDEA_TEMPLATE,
  FIELD_CHAR_CAP,
  ideaTemplateSchema,
  validateIdeaFields,
} from "./template";

const template: IdeaTemplateField[] = [
  { key: "title", label: "Title", guidance: "", required: true, wordLimit: 5 },
  { key: "notes", label: "Notes", guidance: "", required: false, wordLimit: null },
];

describe("the default template", () => {
  it("is the seven-part proposal format of the spec, and valid", () => {
    expect(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, f.wordLimit])).toEqual([
      ["title", 30],
      ["problem", 300],
      ["motivation", 500],
      ["method", 800],
      ["experiment_plan", 1000],
      ["test_cases", 800],
      ["fallback", 300],
    ]);
    expect(DEFAULT_IDEA_TEMPLATE.every((f) => f.required)).toBe(true);
    expect(ideaTemplateSchema.safeParse(DEFAULT_IDEA_TEMPLATE).success).toBe(true);
  });
});

describe("ideaTemplateSchema", () => {
  const field = (over: Partial<IdeaTemplateField>) => ({
    key: "a",
    label: "A",
    guidance: "",
    required: true,
    wordLimit: 10,
    ...over,
  });
  it.each([
    [[field({ key: "Bad Key" })], "0.key", "lower-case"],
    [[field({ key: "topic" })], "0.key", "reserved"],
    [[field({ key: "a" }), field({ key: "a", label: "B" })], "1.key", "Duplicate key"],
    [[field({ label: "" })], "0.label", "Enter a label"],
    [[field({ wordLimit: 0 })], "0.wordLimit", "At least 1 word"],
    [[field({ wordLimit: 2.5 })], "0.wordLimit", "whole number"],
    [[], "", "at least one field"],
  ])("refuses %j at %s", (fields, path, message) => {
    const r = ideaTemplateSchema.safeParse(fields);
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join(".") === path);
    expect(issue?.message).toContain(message);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   \n ", 0],
    ["one", 1],
    ["two  words\n", 2],
    ["**bold** text - with a dash", 5],
    ["- item one\n- item two\n# Heading", 5],
  ])("%j has %i words", (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe("validateIdeaFields", () => {
  it("lets a draft be incomplete but not oversized", () => {
    expect(validateIdeaFields({ template, fields: {}, mode: "draft" })).toEqual({
      ok: true,
      fields: { title: "", notes: "" },
    });
    const big = validateIdeaFields({
      template,
      fields: { notes: "x".repeat(FIELD_CHAR_CAP + 1) },
      mode: "draft",
    });
    expect(big).toEqual({ ok: false, errors: { notes: [expect.stringContaining("too long")] } });
  });

  it("on submit requires required fields and enforces word limits, naming the field", () => {
    const r = validateIdeaFields({
      template,
      fields: { title: "one two three four five six" },
      mode: "submit",
    });
    expect(r).toEqual({ ok: false, errors: { title: ["Title has 6 words; the limit is 5."] } });
    const missing = validateIdeaFields({ template, fields: { title: "  " }, mode: "submit" });
    expect(missing).toEqual({ ok: false, errors: { title: ["Title is required."] } });
    expect(validateIdeaFields({ template, fields: { title: "A fine title" }, mode: "submit" }).ok).toBe(true);
  });

  it("refuses unknown keys and non-text values, and normalizes line endings", () => {
    const r = validateIdeaFields({ template, fields: { title: 3, extra: "x" }, mode: "draft" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.extra?.[0]).toContain('Unknown field "extra"');
      expect(r.errors.title?.[0]).toBe("Title must be text.");
    }
    const crlf = validateIdeaFields({ template, fields: { title: "a\r\nb\rc" }, mode: "draft" });
    expect(crlf.ok && crlf.fields.title).toBe("a\nb\nc");
  });
});
