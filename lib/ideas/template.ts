import { z } from "zod";
import { formatCount } from "@/lib/format";
import type { IdeaFields, IdeaTemplateField } from "@/lib/ideas/types";

// The idea template (specs/idea-template.md) and the checks every idea passes, on the client and the server.

/** Hard cap per field, whatever the template says: protects the server from oversized input. */
export const FIELD_CHAR_CAP = 20_000;

export const DEFAULT_IDEA_TEMPLATE: IdeaTemplateField[] = [
  {
    key: "title",
    label: "Title",
    guidance: "One line naming the core idea; could be a paper title.",
    required: true,
    wordLimit: 30,
  },
  {
    key: "problem",
    label: "Problem statement",
    guidance: "The problem, stated precisely, and why it matters.",
    required: true,
    wordLimit: 300,
  },
  {
    key: "motivation",
    label: "Motivation",
    guidance: "Why existing approaches fall short, what inspired this idea, why it should work better.",
    required: true,
    wordLimit: 500,
  },
  {
    key: "method",
    label: "Proposed method",
    guidance: "How the method works, step by step, concrete enough to implement.",
    required: true,
    wordLimit: 800,
  },
  {
    key: "experiment_plan",
    label: "Step-by-step experiment plan",
    guidance: "Datasets, models, baselines, metrics, and for prompting methods the prompts for each step.",
    required: true,
    wordLimit: 1000,
  },
  {
    key: "test_cases",
    label: "Test case examples",
    guidance:
      "At least two worked examples: one where a baseline fails and one where the method succeeds, each with input, expected output and a short explanation.",
    required: true,
    wordLimit: 800,
  },
  {
    key: "fallback",
    label: "Fallback plan",
    guidance: "One paragraph: what to do if the method does not meet its success criteria.",
    required: true,
    wordLimit: 300,
  },
];

/** Keys double as CSV column names and JSON keys, so they are kept to snake_case identifiers. */
const RESERVED_KEYS = new Set(["topic", "condition", "external_id", "id", "status", "author", "code"]);

export const templateFieldSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{0,39}$/,
      "Use lower-case letters, digits and _ (start with a letter, at most 40).",
    )
    .refine((k) => !RESERVED_KEYS.has(k), { message: "This key is reserved for import columns." }),
  label: z.string().trim().min(1, "Enter a label.").max(100, "Use at most 100 characters."),
  guidance: z.string().trim().max(1000, "Use at most 1,000 characters.").default(""),
  required: z.boolean().default(true),
  wordLimit: z
    .number({ error: "Enter a number of words." })
    .int("Use a whole number of words.")
    .min(1, "At least 1 word.")
    .max(5000, "At most 5,000 words.")
    .nullable()
    .default(null),
});

/** How the settings form names template fields in messages ("Field 2 label: enter a label."). */
export const TEMPLATE_FIELD_LABELS = {
  "*": "Field {1}",
  "*.key": "Field {1} key",
  "*.label": "Field {1} label",
  "*.guidance": "Field {1} guidance",
  "*.wordLimit": "Field {1} word limit",
} as const;

export const ideaTemplateSchema = z
  .array(templateFieldSchema)
  .min(1, "A template needs at least one field.")
  .max(30, "Use at most 30 fields.")
  .superRefine((fields, ctx) => {
    const seen = new Map<string, number>();
    fields.forEach((f, i) => {
      const first = seen.get(f.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [i, "key"],
          message: `Duplicate key "${f.key}" (also field ${first + 1}).`,
        });
      } else seen.set(f.key, i);
    });
  });

/**
 * Words as a person counts them: runs of non-space characters that contain a letter or digit, so
 * Markdown bullets, heading marks and lone dashes do not eat into a word limit.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export type IdeaFieldErrors = Record<string, string[]>;

/**
 * Checks an idea's fields against a template. Drafts only get the hard cap (a draft may be half
 * written); submission also checks required fields and word limits. Unknown keys are refused.
 */
export function validateIdeaFields({
  template,
  fields,
  mode,
}: {
  template: IdeaTemplateField[];
  fields: Record<string, unknown>;
  mode: "draft" | "submit";
}): { ok: true; fields: IdeaFields } | { ok: false; errors: IdeaFieldErrors } {
  const errors: IdeaFieldErrors = {};
  const add = (key: string, message: string) => {
    errors[key] = [...(errors[key] ?? []), message];
  };
  const known = new Set(template.map((f) => f.key));
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) add(key, `Unknown field "${key}"; the template has ${[...known].join(", ")}.`);
  }
  const out: IdeaFields = {};
  for (const field of template) {
    const raw = fields[field.key];
    if (raw !== undefined && raw !== null && typeof raw !== "string") {
      add(field.key, `${field.label} must be text.`);
      continue;
    }
    const value = typeof raw === "string" ? raw.replace(/\r\n?/g, "\n") : "";
    if (value.length > FIELD_CHAR_CAP) {
      add(
        field.key,
        `${field.label} is too long: ${formatCount(value.length)} characters (at most ${formatCount(FIELD_CHAR_CAP)}).`,
      );
      continue;
    }
    if (mode === "submit") {
      if (field.required && value.trim() === "") add(field.key, `${field.label} is required.`);
      const words = countWords(value);
      if (field.wordLimit !== null && words > field.wordLimit) {
        add(field.key, `${field.label} has ${words} words; the limit is ${field.wordLimit}.`);
      }
    }
    out[field.key] = value;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields: out };
}

/** The template in force for a study: its own, or the default before the organizer edits it. */
export function getStudyTemplate(study: { ideaTemplate: IdeaTemplateField[] | null }): IdeaTemplateField[] {
  return study.ideaTemplate ?? DEFAULT_IDEA_TEMPLATE;
}
