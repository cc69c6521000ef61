import "server-only";
import type { IdeationAgent, IdeationAgentId } from "@/lib/ideation/agent-types";
import { coiAgent } from "./coi";
import { directAgent } from "./direct";
import { overgenerateAgent } from "./overgenerate";
import { ragAgent } from "./rag";

// The ideation agents a run can start, by id. Adding an agent is one line here (its module exports
// an IdeationAgent); the run, the job, the pages and the CLI pick it up from this map.

const AGENTS: Partial<Record<IdeationAgentId, IdeationAgent>> = {
  coi: coiAgent as unknown as IdeationAgent,
  overgenerate: overgenerateAgent as unknown as IdeationAgent,
  rag: ragAgent as unknown as IdeationAgent,
  direct: directAgent as unknown as IdeationAgent,
};

export function getIdeationAgent(id: string): IdeationAgent | undefined {
  return Object.hasOwn(AGENTS, id) ? AGENTS[id as IdeationAgentId] : undefined;
}

/** The registered agents, for the start form and the CLI's help. */
export function listIdeationAgents(): { id: IdeationAgentId; label: string; stages: readonly string[] }[] {
  return Object.values(AGENTS).map((a) => ({ id: a.id, label: a.label, stages: a.stages }));
}
