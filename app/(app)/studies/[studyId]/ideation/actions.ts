"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { StartRunInput } from "@/lib/ideation/run-form";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { cancelIdeationRun, resumeIdeationRun, startIdeationRun } from "@/server/ideation/runs";

// Ideation runs are for organizers only: starting one spends money and adds ideas to the study.
const organizer = { roles: ["organizer"] as const };

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const text = z.string().optional().default("");
const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

/** The form's field for an error of lib/ideation/run-form ("agents.0.conditionKey" → "condition_coi"). */
function formField(key: string, agents: readonly string[]): string {
  const m = /^agents\.(\d+)\.(\w+)/.exec(key);
  if (m) {
    const agent = agents[Number(m[1])] ?? "";
    return m[2] === "conditionKey" ? `condition_${agent}` : `params_${agent}`;
  }
  return key === "agents" ? "agent" : key;
}

/** The start form's per-agent fields (blank = the agent's default). */
function agentParams(agent: string, input: { coi_k: string; overgenerate_seeds: string; rag_k: string }) {
  const fields: Record<string, [string, string]> = {
    coi: ["k", input.coi_k],
    overgenerate: ["seedsPerTopic", input.overgenerate_seeds],
    rag: ["topK", input.rag_k],
  };
  const field = fields[agent];
  return field && field[1].trim() !== "" ? { [field[0]]: num(field[1]) } : {};
}

export const startRunAction = guardedAction(
  {
    study: organizer,
    schema: z
      .object({
        agent: list,
        topicMode: text,
        topicIds: list,
        n: text,
        model: text,
        budgetUsd: text,
        keep: text,
        coi_k: text,
        overgenerate_seeds: text,
        rag_k: text,
      })
      .passthrough(),
  },
  async ({ study, user, input }) => {
    const raw = input as Record<string, unknown>;
    const agents = input.agent;
    const request: StartRunInput = {
      agents: agents.map((agent) => ({
        agent: agent as StartRunInput["agents"][number]["agent"],
        conditionKey: String(raw[`condition_${agent}`] ?? ""),
        params: agentParams(agent, input),
      })),
      topicMode: input.topicMode as StartRunInput["topicMode"],
      topicIds: input.topicIds,
      n: num(input.n),
      model: input.model,
      budgetUsd: num(input.budgetUsd),
      keep: (input.keep || "best") as StartRunInput["keep"],
    };
    try {
      const run = await startIdeationRun({ studyId: study.id, actorId: user.id, input: request });
      revalidatePath(`/studies/${study.id}/ideation`);
      return { runId: run.id };
    } catch (e) {
      if (!(e instanceof AppError) || !e.fieldErrors) throw e;
      const fieldErrors: FieldErrors = {};
      for (const [k, v] of Object.entries(e.fieldErrors)) {
        const f = formField(k, agents);
        fieldErrors[f] = [...(fieldErrors[f] ?? []), ...v];
      }
      throw new AppError(e.code, e.message, { fieldErrors });
    }
  },
);

export const cancelRunAction = guardedAction(
  { study: organizer, schema: z.object({ runId: uuidSchema }) },
  ({ study, input }) => {
    cancelIdeationRun({ studyId: study.id, runId: input.runId });
    revalidatePath(`/studies/${study.id}/ideation/${input.runId}`);
    return { cancelled: true };
  },
);

export const resumeRunAction = guardedAction(
  {
    study: organizer,
    schema: z.object({
      runId: uuidSchema,
      budgetUsd: z
        .string()
        .optional()
        .transform((v) => (v === undefined || v.trim() === "" ? undefined : Number(v))),
    }),
  },
  async ({ study, user, input }) => {
    await resumeIdeationRun({
      studyId: study.id,
      runId: input.runId,
      actorId: user.id,
      budgetUsd: input.budgetUsd,
    });
    revalidatePath(`/studies/${study.id}/ideation/${input.runId}`);
    return { resumed: true };
  },
);
