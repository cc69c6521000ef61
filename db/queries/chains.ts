import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { ChainProgressState, ChainResult, ChainStatus, StoredChainOptions } from "@/lib/chains/stored";
import type { JobStatus } from "@/lib/jobs/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { type ChainRow, chains, jobs } from "../schema";

// Chain builds of a study: created by the chain page (or rebuild), filled in by the build-chain job.
// Every read is scoped by study id, so a chain id from another study is simply not found.

export type ChainView = ChainRow & { jobStatus: JobStatus | null };

/** What the page shows: a chain whose job stopped before it did (cancelled while queued) shows the job's end. */
export function displayStatus(c: { status: ChainStatus; jobStatus: JobStatus | null }): ChainStatus {
  if (c.status !== "queued" && c.status !== "running") return c.status;
  if (c.jobStatus === "cancelled") return "cancelled";
  if (c.jobStatus === "failed") return "failed";
  return c.status;
}

export function createChain(input: {
  studyId: string;
  topicId: string | null;
  topic: string;
  options: StoredChainOptions;
  createdBy: string;
  now?: number;
}): ChainRow {
  const { now = Date.now(), ...values } = input;
  return withDbErrors(
    () =>
      getDb()
        .insert(chains)
        .values({ ...values, createdAt: now })
        .returning()
        .get(),
    {
      action: "creating a chain",
    },
  );
}

export function setChainJob({ chainId, jobId }: { chainId: string; jobId: string }) {
  getDb().update(chains).set({ jobId }).where(eq(chains.id, chainId)).run();
}

const viewColumns = { chain: chains, jobStatus: jobs.status };

export function getChain({ studyId, chainId }: { studyId: string; chainId: string }): ChainView | null {
  const row = getDb()
    .select(viewColumns)
    .from(chains)
    .leftJoin(jobs, eq(jobs.id, chains.jobId))
    .where(and(eq(chains.id, chainId), eq(chains.studyId, studyId)))
    .get();
  return row ? { ...row.chain, jobStatus: row.jobStatus } : null;
}

/** The study's chains, newest first (without results: the list shows topic, status and size). */
export function listChains({ studyId, limit = 50 }: { studyId: string; limit?: number }): ChainView[] {
  return getDb()
    .select(viewColumns)
    .from(chains)
    .leftJoin(jobs, eq(jobs.id, chains.jobId))
    .where(eq(chains.studyId, studyId))
    .orderBy(desc(chains.createdAt), desc(chains.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...r.chain, jobStatus: r.jobStatus }));
}

/** The job's view of a chain (no study scope: the job was created for it). */
export function getChainForJob({ chainId }: { chainId: string }): ChainRow | null {
  return getDb().select().from(chains).where(eq(chains.id, chainId)).get() ?? null;
}

/** The job's progress; also (re)marks the chain running, e.g. when a restart runs its item again. */
export function updateChainProgress({
  chainId,
  progress,
}: {
  chainId: string;
  progress: ChainProgressState;
}) {
  getDb()
    .update(chains)
    .set({ progress, status: "running", error: null, finishedAt: null })
    .where(eq(chains.id, chainId))
    .run();
}

export function finishChain({
  chainId,
  result,
  readingModel,
  now = Date.now(),
}: {
  chainId: string;
  result: ChainResult;
  readingModel: string | null;
  now?: number;
}) {
  getDb()
    .update(chains)
    .set({ status: "done", result, readingModel, error: null, finishedAt: now })
    .where(eq(chains.id, chainId))
    .run();
}

export function stopChain({
  chainId,
  status,
  error,
  now = Date.now(),
}: {
  chainId: string;
  status: "failed" | "cancelled";
  error: string | null;
  now?: number;
}) {
  getDb()
    .update(chains)
    .set({ status, error: error?.slice(0, 2000) ?? null, finishedAt: now })
    .where(eq(chains.id, chainId))
    .run();
}
