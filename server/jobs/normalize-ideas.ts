import "server-only";
import { z } from "zod";
import {
  getIdeaForNormalization,
  listIdeaIdsForNormalization,
  saveNormalizationError,
  saveNormalizationResult,
  setNormalizationPending,
} from "@/db/queries/ideas";
import { listJobs } from "@/db/queries/jobs";
import { getStudySettings } from "@/db/queries/study-setup";
import type { Job } from "@/db/schema";
import { buildNormalizeIdeaPrompt, normalizeIdeaOutputSchema } from "@/lib/ai/prompts/normalize-idea";
import { AppError } from "@/lib/errors";
import { FIELD_CHAR_CAP } from "@/lib/ideas/template";
import type { IdeaFields } from "@/lib/ideas/types";
import { generate } from "@/server/ai/generate";
import { registerJobHandler } from "@/server/jobs/registry";
import { enqueueJob } from "@/server/jobs/runner";

// Style normalization as a job: one item per idea, so progress, cancel, resume after a restart and
// per-idea retry come from the job runner. The idea's normalization state mirrors its item.

export const NORMALIZE_JOB_KIND = "normalize-ideas";

const inputSchema = z.object({ ideaId: z.string().min(1) });
const paramsSchema = z.object({ studyId: z.string().min(1) });
export type NormalizeJobInput = z.infer<typeof inputSchema>;
export type NormalizeJobOutput = { ideaId: string; outcome: "normalized" | "skipped"; reason?: string };

/** A model answer that lost a section or outgrew the field cap is an error, not a rewrite. */
function checkRewrite({
  original,
  normalized,
  labels,
}: {
  original: IdeaFields;
  normalized: IdeaFields;
  labels: Map<string, string>;
}) {
  for (const [key, label] of labels) {
    const before = original[key] ?? "";
    const after = normalized[key] ?? "";
    if (before.trim() !== "" && after.trim() === "") {
      throw new AppError("invalid:llm_output", `The model left out the section "${label}".`);
    }
    if (after.length > FIELD_CHAR_CAP) {
      throw new AppError(
        "invalid:llm_output",
        `The model's "${label}" is longer than ${FIELD_CHAR_CAP} characters.`,
      );
    }
  }
}

export const normalizeJobHandler = registerJobHandler<
  NormalizeJobInput,
  NormalizeJobOutput,
  { studyId: string }
>({
  kind: NORMALIZE_JOB_KIND,
  inputSchema,
  paramsSchema,
  handle: async ({ ideaId }, { jobId, params, signal }) => {
    const { studyId } = params;
    const idea = getIdeaForNormalization({ studyId, ideaId });
    if (!idea) return { ideaId, outcome: "skipped", reason: "The idea no longer exists." };
    if (idea.status !== "submitted")
      return { ideaId, outcome: "skipped", reason: `The idea is ${idea.status}.` };
    // Finished by an earlier attempt whose item was not yet marked done (a crash in between).
    if (idea.normalizationState === "done")
      return { ideaId, outcome: "skipped", reason: "Already normalized." };
    try {
      const { system, prompt } = buildNormalizeIdeaPrompt({ template: idea.template, fields: idea.fields });
      const { object } = await generate({
        purpose: "normalization",
        studyId,
        jobId,
        system,
        prompt,
        schema: normalizeIdeaOutputSchema(idea.template),
        signal,
      });
      const normalized: IdeaFields = Object.fromEntries(
        idea.template.map((f) => [f.key, object[f.key] ?? ""]),
      );
      checkRewrite({
        original: idea.fields,
        normalized,
        labels: new Map(idea.template.map((f) => [f.key, f.label])),
      });
      if (!saveNormalizationResult({ ideaId, normalizedFields: normalized, sourceVersion: idea.version })) {
        throw new AppError(
          "conflict:idea_version",
          "The idea was edited while it was being normalized; retry it.",
        );
      }
      return { ideaId, outcome: "normalized" };
    } catch (error) {
      // A cancel or shutdown is not the idea's fault: the item is cancelled or runs again later.
      if (!signal.aborted) {
        saveNormalizationError({ ideaId, error: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    }
  },
});

/**
 * Starts normalizing the given submitted ideas, or by default every submitted idea not yet
 * normalized. Marks them pending and enqueues one job; refused while another is still running.
 */
export async function startNormalization({
  studyId,
  actorId,
  ideaIds,
}: {
  studyId: string;
  actorId: string;
  ideaIds?: string[];
}): Promise<Job> {
  const { study } = getStudySettings({ studyId });
  if (study.status !== "writing" && study.status !== "normalization") {
    throw new AppError(
      "conflict:phase",
      `Normalization runs during writing or normalization; the study is in the ${study.status} phase.`,
    );
  }
  const running = listJobs({ studyId, kind: NORMALIZE_JOB_KIND, limit: 20 }).some(
    (p) => p.job.status === "queued" || p.job.status === "running",
  );
  if (running) {
    throw new AppError(
      "conflict:normalization",
      "A normalization job is already running for this study; wait for it to finish or cancel it.",
    );
  }
  const ids = listIdeaIdsForNormalization({ studyId, ideaIds });
  if (ideaIds !== undefined) {
    const missing = new Set(ideaIds).size - ids.length;
    if (missing > 0) {
      throw new AppError(
        "invalid:normalization",
        `${missing} of the selected ideas ${missing === 1 ? "is not a submitted idea" : "are not submitted ideas"} of this study.`,
      );
    }
  }
  if (ids.length === 0) {
    throw new AppError("conflict:normalization", "There are no submitted ideas left to normalize.");
  }
  // Pending first: once enqueued, the runner may start an item at any moment.
  setNormalizationPending({ studyId, ideaIds: ids });
  return enqueueJob({
    kind: NORMALIZE_JOB_KIND,
    studyId,
    params: { studyId },
    items: ids.map((ideaId) => ({ ideaId })),
    createdBy: actorId,
  });
}
