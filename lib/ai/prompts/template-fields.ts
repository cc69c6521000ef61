import { z } from "zod";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import { coiTemplateOutputSchema } from "./coi-template";
import { extractTaggedJson, taggedJson } from "./tagged-json";

// The study's idea template as the ideation prompts show it (key, label, guidance, word limit),
// and the output schema every template-writing prompt shares: one zod schema per field, joined
// strictly (coi-template's helper), so a generated idea fills exactly the study's keys.

const fieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  guidance: z.string(),
  required: z.boolean(),
  wordLimit: z.number().nullable(),
});
export type PromptTemplateField = z.infer<typeof fieldSchema>;

export function templateForPrompt(template: readonly IdeaTemplateField[]): string {
  return taggedJson(
    "template_json",
    template.map((f) => ({
      key: f.key,
      label: f.label,
      guidance: f.guidance,
      required: f.required,
      wordLimit: f.wordLimit,
    })),
  );
}

/** The template back out of a prompt (the mock model fills it); null if absent. */
export function extractTemplateFields(prompt: string): PromptTemplateField[] | null {
  return extractTaggedJson(prompt, "template_json", z.array(fieldSchema));
}

export const templateOutputSchema = coiTemplateOutputSchema;

export const templateKeysLine = (template: readonly IdeaTemplateField[]) =>
  `Return the JSON object with the keys ${template.map((f) => `"${f.key}"`).join(", ")}.`;
