import type { z } from "zod";
import { parseWithRepair } from "@/lib/ai/parse-with-repair";
import { buildChainQueriesPrompt, chainQueriesOutputSchema } from "@/lib/ai/prompts/chain-queries";
import { buildPickReferencesPrompt, pickReferencesOutputSchema } from "@/lib/ai/prompts/pick-references";
import { buildRelevanceGatePrompt, relevanceGateOutputSchema } from "@/lib/ai/prompts/relevance-gate";
import { buildRepairJsonPrompt } from "@/lib/ai/prompts/repair-json";
import type { LlmSteps } from "./types";

// The chain builder's model steps over one text-completion callback (the server passes its logged,
// cached `generate`): each step builds its prompt, parses the answer with its schema, repairs once,
// and otherwise throws an error naming the step, so a failed step is visible and never guessed.

export type Complete = (input: { system: string; prompt: string; purpose: string }) => Promise<string>;

export class ChainStepError extends Error {
  readonly name = "ChainStepError";
}

async function ask<T>(
  complete: Complete,
  purpose: string,
  built: { system: string; prompt: string },
  schema: z.ZodType<T>,
  what: string,
): Promise<T> {
  const text = await complete({ ...built, purpose });
  const outcome = await parseWithRepair({
    text,
    schema,
    what,
    repair: (answer, reason) =>
      complete({
        ...buildRepairJsonPrompt({ task: built.prompt, answer, reason }),
        purpose: `${purpose}:repair`,
      }),
  });
  if (!outcome.ok) throw new ChainStepError(outcome.error);
  return outcome.value;
}

export function createLlmSteps(complete: Complete): LlmSteps {
  return {
    async proposeQueries(topic) {
      const out = await ask(
        complete,
        "chain-queries",
        buildChainQueriesPrompt({ topic }),
        chainQueriesOutputSchema,
        "search queries",
      );
      return out.queries;
    },
    async judgeRelevance({ topic, anchor, candidate }) {
      const built = buildRelevanceGatePrompt({ topic, anchor, candidate });
      return ask(
        complete,
        "relevance-gate",
        built,
        relevanceGateOutputSchema,
        `relevance gate for paper ${candidate.id}`,
      );
    },
    async pickReferences({ topic, current, references }) {
      const built = buildPickReferencesPrompt({ topic, current, references });
      return ask(
        complete,
        "pick-references",
        built,
        pickReferencesOutputSchema,
        `reference pick for paper ${current.id}`,
      );
    },
  };
}
