import "server-only";
import { parseCorpusFile } from "@/lib/literature/parse-corpus";
import { type UpsertResult, upsertCorpus } from "./papers";

export type ImportSummary = Omit<UpsertResult, "ids"> & { papers: number };

/**
 * Parses and stores one import file (CLI and upload page): every line is checked before anything is
 * written, then the papers go in one transaction. Bad input throws AppError("invalid:corpus").
 */
export function importCorpusFile({
  name,
  bytes,
  studyId,
}: {
  name: string;
  bytes: Uint8Array;
  studyId: string | null;
}): ImportSummary {
  const corpus = parseCorpusFile({ name, bytes });
  const { ids: _ids, ...result } = upsertCorpus({ corpus, studyId });
  return { ...result, papers: corpus.papers.length };
}
