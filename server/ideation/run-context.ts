import "server-only";
import { getModelPrice } from "@/db/queries/ai";
import { insertIdeationCall, runSpentUsd } from "@/db/queries/ideation-calls";
import { markRunBudgetStopped } from "@/db/queries/ideation-runs";
import { addMetricPoint, readCheckpoint, saveProgress, writeCheckpoint } from "@/db/queries/ideation-steps";
import { estimateCostUsd } from "@/lib/ai/prices";
import type { PaperStore } from "@/lib/chains/types";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import {
  type AgentContext,
  type AgentLlmCall,
  type AgentTopic,
  BudgetExceededError,
  type IdeationAgentId,
} from "@/lib/ideation/agent-types";
import { failedCallId, generate } from "@/server/ai/generate";
import type { LanguageModelV3 } from "@/server/ai/mock-model";
import { getLanguageModel } from "@/server/ai/providers";

// AgentContext for one agent on one topic of a run: every model call goes through generate() (cache,
// llm_calls row with cost, one repair then throw) under purpose "ideation:<agent>:<stage>", after a
// budget check, and is recorded with its prompt and output; steps are checkpointed in the database so
// a resumed item skips what it finished; progress and metrics are stored for the run page.

/** Output tokens assumed for the budget check before a call (the answer's size is not known yet). */
export const BUDGET_OUTPUT_TOKENS_ESTIMATE = 600;

export type RunContextInput = {
  run: { id: string; studyId: string; model: string; budgetUsd: number; seed: number };
  jobId: string | null;
  agentIndex: number;
  agent: IdeationAgentId;
  topic: AgentTopic;
  template: readonly IdeaTemplateField[];
  n: number;
  before: string | null;
  params: Record<string, unknown>;
  store: PaperStore;
  signal: AbortSignal;
  embed?: AgentContext["embed"];
  /** Tests pass a model; otherwise the run's model on the configured provider. */
  model?: LanguageModelV3;
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Throws BudgetExceededError (and marks the run) when this call could take spending past the cap. */
export function checkRunBudget({
  runId,
  model,
  budgetUsd,
  promptChars,
}: {
  runId: string;
  model: string;
  budgetUsd: number;
  promptChars: number;
}): void {
  const spent = runSpentUsd({ runId });
  const next =
    estimateCostUsd({
      price: getModelPrice({ model }),
      inputTokens: Math.ceil(promptChars / 4),
      outputTokens: BUDGET_OUTPUT_TOKENS_ESTIMATE,
    }) ?? 0;
  if (spent + next > budgetUsd) {
    markRunBudgetStopped({ runId });
    throw new BudgetExceededError(spent, budgetUsd);
  }
}

export function createRunContext(input: RunContextInput): AgentContext {
  const { run, agentIndex, topic, signal } = input;
  const slot = { runId: run.id, agentIndex, topicId: topic.id };
  let model = input.model;

  const llm: AgentLlmCall = async ({ stage, candidate, system, prompt, schema, temperature, seed }) => {
    signal.throwIfAborted();
    checkRunBudget({
      runId: run.id,
      model: run.model,
      budgetUsd: run.budgetUsd,
      promptChars: (system?.length ?? 0) + prompt.length,
    });
    model ??= getLanguageModel({ modelId: run.model });
    const record = { ...slot, stage, candidate, system: system ?? null, prompt };
    try {
      const result = await generate({
        purpose: `ideation:${input.agent}:${stage}`,
        studyId: run.studyId,
        jobId: input.jobId,
        system,
        prompt,
        schema,
        temperature,
        seed,
        signal,
        model,
      });
      insertIdeationCall({ ...record, llmCallId: result.callId, output: result.text, error: null });
      return result.object;
    } catch (e) {
      insertIdeationCall({ ...record, llmCallId: failedCallId(e), output: null, error: message(e) });
      throw e;
    }
  };

  return {
    runId: run.id,
    studyId: run.studyId,
    agent: input.agent,
    topic,
    template: input.template,
    n: input.n,
    model: run.model,
    seed: run.seed,
    before: input.before,
    params: input.params,
    llm,
    store: input.store,
    embed: input.embed ?? null,
    async step<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const hit = readCheckpoint({ ...slot, key });
      if (hit.found) return hit.value as T;
      signal.throwIfAborted();
      const value = await fn();
      // Stored and returned as JSON, so a fresh step and a resumed one give the agent the same shape.
      const json = JSON.parse(JSON.stringify(value ?? null)) as T;
      writeCheckpoint({ ...slot, key, value: json });
      return json;
    },
    progress(stage, done, total) {
      saveProgress({ ...slot, stage, done, total });
    },
    metric(name, point) {
      addMetricPoint({ ...slot, name, point });
    },
    signal,
  };
}
