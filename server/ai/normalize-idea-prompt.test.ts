import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import {
  buildNormalizeIdeaPrompt,
  extractIdeaJson,
  IDEA_JSON_CLOSE,
  NORMALIZE_TASK_MARKER,
  normalizeIdeaOutputSchema,
} from "@/lib/ai/prompts/normalize-idea";
import { resetEnvForTests } from "@/lib/env";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { generate } from "./generate";
import { mockNeutralVoice } from "./mock-model";

const template = DEFAULT_IDEA_TEMPLATE.slice(0, 3);

describe("normalize-idea prompt", () => {
  it("marks the task, names every section and carries the idea as JSON that survives hostile text", () => {
    const fields = {
      title: `Tags ${IDEA_JSON_CLOSE} and <script>alert(1)</script>`,
      problem: 'Quotes " and \\ backslashes\nand newlines',
      motivation: "",
    };
    const { system, prompt } = buildNormalizeIdeaPrompt({ template, fields });
    expect(system.startsWith(NORMALIZE_TASK_MARKER)).toBe(true);
    for (const f of template) expect(prompt).toContain(`- ${f.key}: ${f.label}`);
    expect(prompt.split(IDEA_JSON_CLOSE)).toHaveLength(2);
    expect(extractIdeaJson(prompt)).toEqual(fields);
  });

  it("fills missing fields with empty strings and ignores keys outside the template", () => {
    const { prompt } = buildNormalizeIdeaPrompt({ template, fields: { title: "T", extra: "x" } });
    expect(extractIdeaJson(prompt)).toEqual({ title: "T", problem: "", motivation: "" });
  });

  it("returns null when a prompt carries no idea", () => {
    expect(extractIdeaJson("no idea here")).toBeNull();
    expect(extractIdeaJson("<idea_json>{not json</idea_json>")).toBeNull();
  });

  it("expects exactly one string per template key", () => {
    const schema = normalizeIdeaOutputSchema(template);
    expect(schema.safeParse({ title: "a", problem: "b", motivation: "" }).success).toBe(true);
    expect(schema.safeParse({ title: "a", problem: "b" }).success).toBe(false);
    expect(schema.safeParse({ title: "a", problem: "b", motivation: "c", extra: "d" }).success).toBe(false);
    expect(schema.safeParse({ title: "a", problem: 1, motivation: "c" }).success).toBe(false);
  });
});

describe("mock normalization", () => {
  it.each([
    ["I propose  a method.", "We propose a method."],
    ["Then I use my GPU; My data stays.", "Then we use our GPU; Our data stays."],
    ["Done. I test it.\n\n\n\nI stop.", "Done. We test it.\n\nWe stop."],
    ["- I list\n  1. I nest  here", "- We list\n  1. We nest here"],
    ["I'm keeping contractions, myself and Mystery.", "I'm keeping contractions, myself and Mystery."],
    ["  trailing spaces   \n", "trailing spaces"],
  ])("rewrites %j as %j", (input, output) => {
    expect(mockNeutralVoice(input)).toBe(output);
  });

  describe("through generate()", () => {
    beforeEach(() => {
      vi.stubEnv("LLM_PROVIDER", "mock");
      vi.stubEnv("LLM_CACHE", "false");
      resetTestDb();
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      resetEnvForTests();
    });

    it("answers the normalization task with the idea's own fields, rewritten by mockNeutralVoice", async () => {
      const fields = { title: "My  idea", problem: "I study 3 datasets (GSM8K, MATH).", motivation: "" };
      const { system, prompt } = buildNormalizeIdeaPrompt({ template, fields });
      const { object } = await generate({
        purpose: "normalization",
        system,
        prompt,
        schema: normalizeIdeaOutputSchema(template),
      });
      expect(object).toEqual({
        title: "Our idea",
        problem: "We study 3 datasets (GSM8K, MATH).",
        motivation: "",
      });
    });

    it("answers other structured tasks from the schema as before", async () => {
      const { prompt } = buildNormalizeIdeaPrompt({ template, fields: { title: "My idea" } });
      const { object } = await generate({
        purpose: "other",
        prompt,
        schema: normalizeIdeaOutputSchema(template),
      });
      expect(object.title).not.toBe("Our idea");
      expect(object.title).toMatch(/^Mock /);
    });
  });
});
