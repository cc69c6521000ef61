import "server-only";
import { createChain, setChainJob } from "@/db/queries/chains";
import type { ChainRow } from "@/db/schema";
import type { StoredChainOptions } from "@/lib/chains/stored";
import { DEFAULT_CHAIN_OPTIONS } from "@/lib/chains/types";
import { AppError } from "@/lib/errors";
import { BUILD_CHAIN_JOB_KIND } from "@/server/jobs/build-chain";
import { enqueueJob } from "@/server/jobs/runner";

// Starts a chain build: the chain row (topic and options, pinned and excluded papers included) and
// its build-chain job. The caller has checked the organizer role and that the topic belongs to the study.

export const MAX_TOPIC_CHARS = 500;

export function defaultStoredOptions(): StoredChainOptions {
  const { k, maxLength, minLength, seed } = DEFAULT_CHAIN_OPTIONS;
  return { k, maxLength, minLength, seed, pinnedAnchorIds: [], excludedIds: [] };
}

export async function startChainBuild({
  studyId,
  topic,
  topicId,
  options,
  actorId,
}: {
  studyId: string;
  topic: string;
  topicId: string | null;
  options: StoredChainOptions;
  actorId: string;
}): Promise<ChainRow> {
  const text = topic.trim();
  if (!text)
    throw new AppError("invalid:topic", "Enter a topic.", { fieldErrors: { topic: ["Enter a topic."] } });
  if (text.length > MAX_TOPIC_CHARS) {
    const message = `The topic is longer than ${MAX_TOPIC_CHARS} characters.`;
    throw new AppError("invalid:topic", message, { fieldErrors: { topic: [message] } });
  }
  const chain = createChain({ studyId, topicId, topic: text, options, createdBy: actorId });
  const job = await enqueueJob({
    kind: BUILD_CHAIN_JOB_KIND,
    studyId,
    params: { studyId, chainId: chain.id },
    items: [{ chainId: chain.id }],
    createdBy: actorId,
    concurrency: 1,
  });
  setChainJob({ chainId: chain.id, jobId: job.id });
  return { ...chain, jobId: job.id };
}
