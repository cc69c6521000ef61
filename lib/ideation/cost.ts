// Cost per idea, one definition everywhere (specs/ideation.md "Cost per idea"): a kept idea's cost
// is every call made for it plus an equal share of its topic's shared calls (queries, chains, paper
// readings, ranking) and of its discarded siblings' calls, so the figure is what one usable idea
// really costs. A cached call costs $0 and is counted as cached.

export type CostedCall = {
  topic: string;
  /** The candidate idea the call was made for; null for a call shared by the topic. */
  ideaId: string | null;
  stage: string;
  costUsd: number;
  tokensIn: number;
  tokensOut: number;
  cached: boolean;
};

export type StageCost = {
  costUsd: number;
  tokensIn: number;
  tokensOut: number;
  calls: number;
  cached: number;
};
export type IdeaCost = StageCost & { ideaId: string; topic: string; byStage: Record<string, StageCost> };

const zero = (): StageCost => ({ costUsd: 0, tokensIn: 0, tokensOut: 0, calls: 0, cached: 0 });

function add(into: StageCost, call: CostedCall, share: number): void {
  into.costUsd += call.cached ? 0 : call.costUsd * share;
  into.tokensIn += call.tokensIn * share;
  into.tokensOut += call.tokensOut * share;
  into.calls += share;
  into.cached += call.cached ? share : 0;
}

/**
 * Cost of each kept idea, and what no kept idea carries (a topic that kept none). Call and token
 * counts of shared calls are fractional shares, so the per-idea figures add up to the run's total.
 */
export function costPerIdea({
  calls,
  kept,
}: {
  calls: readonly CostedCall[];
  kept: readonly { ideaId: string; topic: string }[];
}): { ideas: IdeaCost[]; unattributed: StageCost } {
  const keptIds = new Set(kept.map((k) => k.ideaId));
  const keptByTopic = new Map<string, string[]>();
  for (const k of kept) keptByTopic.set(k.topic, [...(keptByTopic.get(k.topic) ?? []), k.ideaId]);
  const ideas = new Map<string, IdeaCost>(
    kept.map((k) => [k.ideaId, { ideaId: k.ideaId, topic: k.topic, ...zero(), byStage: {} }]),
  );
  const unattributed = zero();
  const charge = (ideaId: string, call: CostedCall, share: number) => {
    const idea = ideas.get(ideaId);
    if (idea === undefined) return;
    add(idea, call, share);
    const stage = idea.byStage[call.stage] ?? zero();
    add(stage, call, share);
    idea.byStage[call.stage] = stage;
  };
  for (const call of calls) {
    if (call.ideaId !== null && keptIds.has(call.ideaId)) {
      charge(call.ideaId, call, 1);
      continue;
    }
    const sharers = keptByTopic.get(call.topic) ?? [];
    if (sharers.length === 0) add(unattributed, call, 1);
    for (const id of sharers) charge(id, call, 1 / sharers.length);
  }
  return { ideas: [...ideas.values()], unattributed };
}
