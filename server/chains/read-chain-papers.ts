import "server-only";
import type { ChainResult } from "@/lib/chains/types";
import { defaultReadCall, readPaper } from "@/server/literature/read-paper";

// The build's "reading" stage: every paper of the chains is read once (readPaper caches per paper
// and model, so papers read for an earlier chain or run cost nothing). A paper that cannot be read
// (no abstract, a failed call) is noted and skipped: the chain stands without its summary.

export async function readChainPapers({
  studyId,
  jobId,
  result,
  model,
  signal,
  onRead,
}: {
  studyId: string;
  jobId: string | null;
  result: ChainResult;
  model: string;
  signal?: AbortSignal;
  onRead?: (done: number, total: number) => void;
}): Promise<{ read: number; failed: { paperId: string; message: string }[] }> {
  const ids = [...new Set(result.chains.flatMap((c) => c.nodes.map((n) => n.paperId)))];
  const call = defaultReadCall({ studyId, jobId, signal });
  const failed: { paperId: string; message: string }[] = [];
  let read = 0;
  for (const [i, paperId] of ids.entries()) {
    signal?.throwIfAborted();
    onRead?.(i, ids.length);
    try {
      await readPaper({ paperId, studyId, model, call });
      read += 1;
    } catch (e) {
      if (signal?.aborted) throw e;
      failed.push({ paperId, message: e instanceof Error ? e.message : String(e) });
    }
  }
  onRead?.(ids.length, ids.length);
  return { read, failed };
}
