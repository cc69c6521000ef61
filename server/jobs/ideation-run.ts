import "server-only";
import { z } from "zod";
import { type RunItemOutput, runIdeationItem } from "@/server/ideation/run-item";
import { registerJobHandler } from "@/server/jobs/registry";

// Ideation runs as a job: one item per (agent, topic). Cancel comes from the runner (the signal
// reaches every model call); resume is a new job over the run's unfinished items, whose finished
// steps come back from checkpoints; a restart re-runs interrupted items the same way.

export const IDEATION_RUN_JOB_KIND = "ideation-run";

const inputSchema = z.object({ agentIndex: z.number().int().min(0), topicId: z.string().min(1) });
const paramsSchema = z.object({ runId: z.string().min(1) });

export const ideationRunJobHandler = registerJobHandler<
  z.infer<typeof inputSchema>,
  RunItemOutput,
  z.infer<typeof paramsSchema>
>({
  kind: IDEATION_RUN_JOB_KIND,
  inputSchema,
  paramsSchema,
  handle: (input, { jobId, params, signal }) =>
    runIdeationItem({ ...input, runId: params.runId, jobId, signal }),
});
