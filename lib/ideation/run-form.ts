import { z } from "zod";
import { IDEATION_AGENT_IDS } from "./agent-types";
import { RUN_KEEP_MODES } from "./run-types";

// The start-run input as the form and the CLI send it, checked before anything is written. Each
// message names its field; agent-specific parameters are checked later with the agent's own schema.

export const MAX_RUN_AGENTS = 4;
export const MAX_IDEAS_PER_TOPIC = 20;
export const MAX_RUN_BUDGET_USD = 1000;
export const CONDITION_KEY_RE = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export const startRunInputSchema = z.object({
  agents: z
    .array(
      z.object({
        agent: z.enum(IDEATION_AGENT_IDS, { message: "Agent: choose one of the listed agents." }),
        conditionKey: z
          .string()
          .trim()
          .regex(
            CONDITION_KEY_RE,
            "Target condition: use letters, digits and _ (start with a letter, at most 40).",
          ),
        params: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .min(1, "Agents: choose at least one agent.")
    .max(MAX_RUN_AGENTS, `Agents: at most ${MAX_RUN_AGENTS} per run.`),
  topicMode: z.enum(["chosen", "match"], { message: "Topics: choose topics or the human ideas' mix." }),
  topicIds: z.array(z.string().trim().min(1)).max(100).default([]),
  n: z
    .number({ message: "Ideas per topic: enter a whole number." })
    .int("Ideas per topic: enter a whole number.")
    .min(1, "Ideas per topic: at least 1.")
    .max(MAX_IDEAS_PER_TOPIC, `Ideas per topic: at most ${MAX_IDEAS_PER_TOPIC}.`),
  model: z.string().trim().min(1, "Model: enter a model id.").max(200, "Model: at most 200 characters."),
  budgetUsd: z
    .number({ message: "Budget: enter an amount in USD." })
    .positive("Budget: must be more than $0.")
    .max(MAX_RUN_BUDGET_USD, `Budget: at most $${MAX_RUN_BUDGET_USD}.`),
  keep: z.enum(RUN_KEEP_MODES, { message: "Keep: choose the best ideas or all K." }).default("best"),
  seed: z
    .number()
    .int("Seed: enter a whole number.")
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
});

export type StartRunInput = z.input<typeof startRunInputSchema>;
export type StartRunRequest = z.output<typeof startRunInputSchema>;

/**
 * Checks that span fields (topics for the chosen mode, one condition per agent), made on the raw
 * input so they are reported together with the field errors, not only once those are fixed.
 */
function crossFieldErrors(input: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    out[key] = [...(out[key] ?? []), message];
  };
  const v = (input ?? {}) as { topicMode?: unknown; topicIds?: unknown; agents?: unknown };
  const topicIds = Array.isArray(v.topicIds) ? v.topicIds : [];
  if (v.topicMode === "chosen" && topicIds.length === 0)
    add("topicIds", "Topics: choose at least one topic.");
  if (new Set(topicIds).size !== topicIds.length) add("topicIds", "Topics: a topic is chosen twice.");
  const agents = Array.isArray(v.agents) ? (v.agents as { conditionKey?: unknown }[]) : [];
  const keys = agents.map((a) =>
    String(a?.conditionKey ?? "")
      .trim()
      .toLowerCase(),
  );
  keys.forEach((k, i) => {
    const first = keys.indexOf(k);
    if (k !== "" && first !== i)
      add(
        `agents.${i}.conditionKey`,
        `Target condition: agent ${i + 1} writes into the same condition as agent ${first + 1}; give each agent its own.`,
      );
  });
  return out;
}

/** The request, or every problem at once keyed by field ("agents.0.conditionKey", "budgetUsd"). */
export function validateStartRun(
  input: unknown,
): { ok: true; request: StartRunRequest } | { ok: false; errors: Record<string, string[]> } {
  const parsed = startRunInputSchema.safeParse(input);
  const errors = parsed.success ? {} : runFormErrors(parsed.error);
  for (const [k, v] of Object.entries(crossFieldErrors(input))) errors[k] = [...(errors[k] ?? []), ...v];
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  return { ok: false, errors };
}

/** Field key → messages, for the form (agents.0.conditionKey → "agents.0.conditionKey"). */
export function runFormErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/**
 * Ideas per topic when the organizer asks to match the human ideas' topic mix: as many as the
 * humans wrote on each topic; topics without human ideas get none.
 */
export function matchTopicMix(humanCounts: readonly { topicId: string; count: number }[]) {
  return humanCounts.filter((c) => c.count > 0).map((c) => ({ topicId: c.topicId, n: c.count }));
}
