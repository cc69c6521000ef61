import { embedJson } from "./tagged-json";

// The one repair attempt of lib/ai/parse-with-repair.ts: the model gets its own invalid answer and
// what was wrong with it, and must return the corrected JSON only.

export const REPAIR_JSON_TASK_MARKER = "[task: repair-json v1]";

export const REPAIR_JSON_SYSTEM = `${REPAIR_JSON_TASK_MARKER}
An earlier answer did not match the required JSON format. Rewrite it so that it does: keep its
content, fix only the structure (missing or extra keys, wrong types, text outside the JSON). If a
required value is missing from the earlier answer, write it from the original task. Answer only
with the corrected JSON object.`;

export function buildRepairJsonPrompt({
  task,
  answer,
  reason,
}: {
  /** The original prompt, so missing content can be supplied. */
  task: string;
  answer: string;
  reason: string;
}): { system: string; prompt: string } {
  return {
    system: REPAIR_JSON_SYSTEM,
    prompt: `The original task:\n${task}\n\nThe earlier answer:\n<answer>\n${answer.replace(/</g, "&lt;")}\n</answer>\n\nWhat was wrong: ${embedJson(reason)}\n\nReturn the corrected JSON object only.`,
  };
}
