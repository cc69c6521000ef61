import "server-only";
import { listRunCallCosts } from "@/db/queries/ideation-calls";
import { listRunItemTimings } from "@/db/queries/ideation-compare";
import { listRunIdeas } from "@/db/queries/ideation-ideas";
import { listIdeationRuns } from "@/db/queries/ideation-runs";
import { listMetricPoints } from "@/db/queries/ideation-steps";
import { type AgentComparisonRow, compareAgents } from "@/lib/ideation/compare-agents";
import { getIdeationAgent } from "./agents";

// The ideation page's agents comparison (organizers only): every run of the study, one row per agent.

export type AgentComparisonView = AgentComparisonRow & { label: string };

export function listAgentComparison({
  studyId,
  now = Date.now(),
}: {
  studyId: string;
  now?: number;
}): AgentComparisonView[] {
  const runs = listIdeationRuns({ studyId }).map((run) => ({
    runId: run.id,
    createdAt: run.createdAt,
    agents: run.agents,
    calls: listRunCallCosts({ runId: run.id }),
    ideas: listRunIdeas({ runId: run.id, titleKey: null }),
    metrics: listMetricPoints({ runId: run.id }),
    items: listRunItemTimings({ jobIds: run.jobIds }).map((i) => ({
      ...i,
      agentIndex: Number((i.input as { agentIndex?: number } | null)?.agentIndex ?? -1),
    })),
  }));
  return compareAgents(runs, now).map((r) => ({ ...r, label: getIdeationAgent(r.agent)?.label ?? r.agent }));
}
