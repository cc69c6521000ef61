"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getChain } from "@/db/queries/chains";
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import { getStudySettings } from "@/db/queries/study-settings";
import { applyChainEdit, CHAIN_EDITS } from "@/lib/chains/edit";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { defaultStoredOptions, MAX_TOPIC_CHARS, startChainBuild } from "@/server/chains/start-chain-build";
import { cancelJob } from "@/server/jobs/runner";

// Chains are for organizers only: they show which papers an AI agent builds on.
const organizer = { roles: ["organizer"] as const };

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`);

const buildSchema = z
  .object({
    topicId: z.union([z.literal(""), uuidSchema]).optional(),
    topic: z
      .string()
      .trim()
      .max(MAX_TOPIC_CHARS, `The topic is longer than ${MAX_TOPIC_CHARS} characters.`)
      .optional(),
    k: int("Chains", 1, 5),
    maxLength: int("Max length", 2, 8),
    minLength: int("Min length", 1, 8),
    seed: int("Seed", 0, 1_000_000),
  })
  .refine((v) => v.minLength <= v.maxLength, {
    path: ["minLength"],
    message: "Min length cannot exceed max length.",
  });

const chainPath = (studyId: string, chainId: string) => `/studies/${studyId}/literature/chains/${chainId}`;

export const startChainAction = guardedAction(
  { study: organizer, schema: buildSchema },
  async ({ study, user, input }) => {
    let topic = input.topic ?? "";
    let topicId: string | null = null;
    if (input.topicId) {
      const found = getStudySettings({ studyId: study.id }).topics.find((t) => t.id === input.topicId);
      if (!found) throw new AppError("not_found:topic", "This topic is not in the study.");
      topicId = found.id;
      topic = topic || [found.name, found.description].filter(Boolean).join(": ");
    }
    if (!topic)
      throw new AppError("invalid:topic", "Choose one of the study's topics or enter a topic.", {
        fieldErrors: { topic: ["Choose one of the study's topics or enter a topic."] },
      });
    const { k, maxLength, minLength, seed } = input;
    const chain = await startChainBuild({
      studyId: study.id,
      topic,
      topicId,
      options: { ...defaultStoredOptions(), k, maxLength, minLength, seed },
      actorId: user.id,
    });
    redirect(chainPath(study.id, chain.id));
  },
);

function findChain(studyId: string, chainId: string) {
  const chain = getChain({ studyId, chainId });
  if (!chain) throw new AppError("not_found:chain", "This chain is not in the study.");
  return chain;
}

/** Rebuild a chain, optionally after removing, pinning, unpinning or restoring one paper. */
export const rebuildChainAction = guardedAction(
  {
    study: organizer,
    schema: z.object({
      chainId: uuidSchema,
      edit: z.enum(CHAIN_EDITS, { error: "Unknown change." }),
      paperId: z.union([z.literal(""), uuidSchema]).optional(),
    }),
  },
  async ({ study, user, input }) => {
    const chain = findChain(study.id, input.chainId);
    const paperId = input.paperId || null;
    if (input.edit !== "rebuild") {
      if (!paperId)
        throw new AppError("invalid:paper", "Choose a paper.", {
          fieldErrors: { paperId: ["Choose a paper."] },
        });
      if (!getVisiblePaper({ paperId, studyId: study.id }))
        throw new AppError("not_found:paper", "This paper is not in the study's literature.");
    }
    const next = await startChainBuild({
      studyId: study.id,
      topic: chain.topic,
      topicId: chain.topicId,
      options: applyChainEdit(chain.options, input.edit, paperId),
      actorId: user.id,
    });
    redirect(chainPath(study.id, next.id));
  },
);

export const cancelChainAction = guardedAction(
  { study: organizer, schema: z.object({ chainId: uuidSchema }) },
  async ({ study, input }) => {
    const chain = findChain(study.id, input.chainId);
    if (!chain.jobId) throw new AppError("conflict:chain", "This chain has no build to cancel.");
    cancelJob({ jobId: chain.jobId });
    revalidatePath(chainPath(study.id, chain.id));
    return { cancelled: true };
  },
);
