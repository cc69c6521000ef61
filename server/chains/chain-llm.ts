import "server-only";
import type { z } from "zod";
import { chainQueriesOutputSchema } from "@/lib/ai/prompts/chain-queries";
import { pickReferencesOutputSchema } from "@/lib/ai/prompts/pick-references";
import { relevanceGateOutputSchema } from "@/lib/ai/prompts/relevance-gate";
import { createLlmSteps } from "@/lib/chains/llm-steps";
import type { LlmSteps } from "@/lib/chains/types";
import { generate } from "@/server/ai/generate";
import { getLlmConfig } from "@/server/ai/providers";

// The chain builder's model steps over generate(): every call cached, logged and costed (llm_calls,
// grouped by purpose). Each step asks for structured output with its own schema, so generate()
// validates it and repairs once, then throws; lib/chains/llm-steps then parses valid JSON and never
// needs its own repair. Null when no model is configured: the builder then uses keywords alone.

const SCHEMAS: Record<string, z.ZodType> = {
  "chain-queries": chainQueriesOutputSchema,
  "relevance-gate": relevanceGateOutputSchema,
  "pick-references": pickReferencesOutputSchema,
};

export function chainLlmSteps({
  studyId,
  jobId = null,
  signal,
  seed,
}: {
  studyId: string | null;
  jobId?: string | null;
  signal?: AbortSignal;
  seed?: number;
}): LlmSteps | null {
  if (!getLlmConfig().configured) return null;
  return createLlmSteps(async ({ system, prompt, purpose }) => {
    const schema = SCHEMAS[purpose];
    const common = { purpose, system, prompt, studyId, jobId, signal, temperature: 0, seed };
    if (!schema) return (await generate(common)).text;
    const r = await generate({ ...common, schema });
    return JSON.stringify(r.object);
  });
}
