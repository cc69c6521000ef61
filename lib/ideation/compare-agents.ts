import { type MetricPointRow, uniqueRateSeries } from "./unique-rate";

// The ideation page's comparison of agents across runs (issue 14): per run and agent, ideas kept,
// seeds and unique rate (agents that dedup), cost per kept idea, tokens, time, failures. Cost is
// what the agent's calls cost (cached calls $0) over the ideas it kept — every discarded seed's and
// candidate's calls are in it, the definition of specs/ideation.md "Cost per idea".

export type CompareCall = {
  agentIndex: number;
  costUsd: number | null;
  inputTokens: number;
  outputTokens: number;
  cached: boolean;
  error: string | null;
};
export type CompareItem = {
  agentIndex: number;
  status: string;
  startedAt: number | null;
  finishedAt: number | null;
};

export type AgentComparisonRow = {
  runId: string;
  createdAt: number;
  agentIndex: number;
  agent: string;
  conditionKey: string;
  ideas: number;
  seeds: number | null;
  uniqueSeeds: number | null;
  uniqueRate: number | null;
  costUsd: number;
  costPerIdeaUsd: number | null;
  tokensIn: number;
  tokensOut: number;
  calls: number;
  /** Sum of the agent's items' wall time (ms); items still running count up to now. */
  timeMs: number;
  /** Failed items plus failed calls. */
  failedItems: number;
  failedCalls: number;
};

export function compareAgents(
  runs: readonly {
    runId: string;
    createdAt: number;
    agents: readonly { agent: string; conditionKey: string }[];
    calls: readonly CompareCall[];
    ideas: readonly { agentIndex: number }[];
    metrics: readonly MetricPointRow[];
    items: readonly CompareItem[];
  }[],
  now: number,
): AgentComparisonRow[] {
  return runs.flatMap((run) => {
    const series = uniqueRateSeries(run.metrics);
    return run.agents.map((spec, agentIndex): AgentComparisonRow => {
      const calls = run.calls.filter((c) => c.agentIndex === agentIndex);
      const own = series.filter((s) => s.agentIndex === agentIndex);
      const seeds = own.length ? own.reduce((s, x) => s + (x.points.at(-1)?.seeds ?? 0), 0) : null;
      const uniqueSeeds = own.length ? own.reduce((s, x) => s + (x.points.at(-1)?.kept ?? 0), 0) : null;
      const ideas = run.ideas.filter((i) => i.agentIndex === agentIndex).length;
      const costUsd = calls.reduce((s, c) => s + (c.cached ? 0 : (c.costUsd ?? 0)), 0);
      const items = run.items.filter((i) => i.agentIndex === agentIndex);
      return {
        runId: run.runId,
        createdAt: run.createdAt,
        agentIndex,
        agent: spec.agent,
        conditionKey: spec.conditionKey,
        ideas,
        seeds,
        uniqueSeeds,
        uniqueRate: seeds ? (uniqueSeeds ?? 0) / seeds : null,
        costUsd,
        costPerIdeaUsd: ideas > 0 ? costUsd / ideas : null,
        tokensIn: calls.reduce((s, c) => s + c.inputTokens, 0),
        tokensOut: calls.reduce((s, c) => s + c.outputTokens, 0),
        calls: calls.length,
        timeMs: items.reduce(
          (s, i) => s + (i.startedAt === null ? 0 : Math.max(0, (i.finishedAt ?? now) - i.startedAt)),
          0,
        ),
        failedItems: items.filter((i) => i.status === "error").length,
        failedCalls: calls.filter((c) => c.error !== null).length,
      };
    });
  });
}
