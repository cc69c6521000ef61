import { type CostedCall, costPerIdea, type IdeaCost, type StageCost } from "./cost";

// The run page's cost figures from the run's calls: totals per stage, per kept idea (cost.ts's one
// definition) and an estimate of the whole run from the (agent, topic) items already finished.

export type RunCall = {
  agentIndex: number;
  topicId: string;
  stage: string;
  candidate: string | null;
  costUsd: number | null;
  inputTokens: number;
  outputTokens: number;
  cached: boolean;
};

export type RunCosts = {
  total: StageCost;
  byStage: (StageCost & { stage: string })[];
  ideas: (IdeaCost & { agentIndex: number; topicId: string; candidate: string })[];
  unattributed: StageCost;
  /** Null until at least one (agent, topic) item has finished. */
  estimatedTotalUsd: number | null;
  /** True when some call's model has no price: its cost counts as 0 and the figures are a floor. */
  unpriced: boolean;
};

const zero = (): StageCost => ({ costUsd: 0, tokensIn: 0, tokensOut: 0, calls: 0, cached: 0 });

function addTo(into: StageCost, c: RunCall) {
  into.costUsd += c.cached ? 0 : (c.costUsd ?? 0);
  into.tokensIn += c.inputTokens;
  into.tokensOut += c.outputTokens;
  into.calls += 1;
  into.cached += c.cached ? 1 : 0;
}

const slot = (agentIndex: number, topicId: string) => `${agentIndex}/${topicId}`;

export function runCosts({
  calls,
  kept,
  finishedItems,
  totalItems,
}: {
  calls: readonly RunCall[];
  kept: readonly { agentIndex: number; topicId: string; candidate: string }[];
  /** Items ("agentIndex/topicId") whose ideas are written. */
  finishedItems: readonly string[];
  totalItems: number;
}): RunCosts {
  const total = zero();
  const stages = new Map<string, StageCost>();
  const perItem = new Map<string, number>();
  let unpriced = false;
  for (const c of calls) {
    addTo(total, c);
    const s = stages.get(c.stage) ?? zero();
    addTo(s, c);
    stages.set(c.stage, s);
    const key = slot(c.agentIndex, c.topicId);
    perItem.set(key, (perItem.get(key) ?? 0) + (c.cached ? 0 : (c.costUsd ?? 0)));
    if (c.costUsd === null && !c.cached) unpriced = true;
  }
  // Candidate ids are per agent and topic, so they are qualified before cost.ts sees them.
  const qualified = (c: { agentIndex: number; topicId: string; candidate: string }) =>
    `${slot(c.agentIndex, c.topicId)}/${c.candidate}`;
  const costed: CostedCall[] = calls.map((c) => ({
    topic: slot(c.agentIndex, c.topicId),
    ideaId: c.candidate === null ? null : qualified({ ...c, candidate: c.candidate }),
    stage: c.stage,
    costUsd: c.costUsd ?? 0,
    tokensIn: c.inputTokens,
    tokensOut: c.outputTokens,
    cached: c.cached,
  }));
  const byQualified = new Map(kept.map((k) => [qualified(k), k]));
  const perIdea = costPerIdea({
    calls: costed,
    kept: kept.map((k) => ({ ideaId: qualified(k), topic: slot(k.agentIndex, k.topicId) })),
  });
  const finishedCost = finishedItems.reduce((sum, k) => sum + (perItem.get(k) ?? 0), 0);
  const estimatedTotalUsd =
    finishedItems.length === 0
      ? null
      : Math.max(total.costUsd, (finishedCost / finishedItems.length) * totalItems);
  return {
    total,
    byStage: [...stages].map(([stage, s]) => ({ stage, ...s })),
    ideas: perIdea.ideas.map((i) => {
      const k = byQualified.get(i.ideaId);
      if (!k) throw new RangeError(`unknown kept idea ${i.ideaId}`);
      return { ...i, ...k };
    }),
    unattributed: perIdea.unattributed,
    estimatedTotalUsd,
    unpriced,
  };
}
