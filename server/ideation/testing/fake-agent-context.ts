import type { ChainPaper, PaperStore } from "@/lib/chains/types";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { type AgentContext, BudgetExceededError, type IdeationAgentId } from "@/lib/ideation/agent-types";
import { cannedOdrAnswer } from "@/server/ai/mock-odr-answers";

// An AgentContext for the agents' unit tests without a database: the model is the mock model's
// scripted answers (parsed with the call's schema, as generate() does), checkpoints live in a Map the
// test can share between two runs (resume), and calls, metrics and progress are recorded. A call
// limit stands in for the budget: the call after `maxCalls` throws BudgetExceededError.

export type FakeCall = { stage: string; candidate: string | null; prompt: string };

export function createFakeAgentContext({
  agent,
  store,
  n = 3,
  params = {},
  steps = new Map<string, unknown>(),
  embed = null,
  maxCalls = Number.POSITIVE_INFINITY,
  topic = {
    id: "t1",
    name: "reducing hallucination in question answering",
    description: "Factuality of LLM answers.",
  },
}: {
  agent: IdeationAgentId;
  store: PaperStore;
  n?: number;
  params?: Record<string, unknown>;
  steps?: Map<string, unknown>;
  embed?: AgentContext["embed"];
  maxCalls?: number;
  topic?: AgentContext["topic"];
}) {
  const calls: FakeCall[] = [];
  const metrics: { name: string; point: Record<string, number> }[] = [];
  const progress: [string, number, number][] = [];
  const ctx: AgentContext = {
    runId: "run-1",
    studyId: "study-1",
    agent,
    topic,
    template: DEFAULT_IDEA_TEMPLATE,
    n,
    seed: 7,
    before: null,
    params,
    store,
    embed,
    signal: new AbortController().signal,
    async llm({ stage, candidate, system, prompt, schema }) {
      if (calls.length >= maxCalls) throw new BudgetExceededError(calls.length * 0.001, maxCalls * 0.001);
      calls.push({ stage, candidate, prompt });
      const text = cannedOdrAnswer(`${system ?? ""}\n${prompt}`);
      if (text === null) throw new Error(`no scripted answer for stage ${stage}`);
      return schema.parse(JSON.parse(text));
    },
    async step(key, fn) {
      if (steps.has(key)) return steps.get(key) as never;
      const value = await fn();
      steps.set(key, JSON.parse(JSON.stringify(value)));
      return value;
    },
    progress: (stage, done, total) => progress.push([stage, done, total]),
    metric: (name, point) => metrics.push({ name, point }),
  };
  return { ctx, calls, metrics, progress, steps };
}

/** A small in-memory store: `count` papers on the topic, searched by shared words. */
export function topicStore(count = 30): PaperStore {
  const papers: ChainPaper[] = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    title: `Reducing hallucination ${i % 2 ? "in question answering" : "with retrieval"} study ${i}`,
    abstract: `We measure hallucination and factuality of answers, variant ${i}.`,
    year: 2020 + (i % 4),
    date: null,
    citationCount: i,
  }));
  const words = (t: string) => t.toLowerCase().match(/[a-z]{4,}/g) ?? [];
  return {
    async search(query, { limit }) {
      const q = new Set(words(query));
      return papers.filter((p) => words(`${p.title} ${p.abstract}`).some((w) => q.has(w))).slice(0, limit);
    },
    async getPaper(id) {
      return papers.find((p) => p.id === id) ?? null;
    },
    async citing() {
      return [];
    },
    async references() {
      return [];
    },
  };
}
