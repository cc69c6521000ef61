import type { PaperReading } from "@/lib/ai/prompts/read-paper";
import type { ChainBuildStage } from "./progress";
import type { ChainOptions, ChainResult } from "./types";

// Types of what is stored about chains and paper readings (db/schema/chains.ts types its columns
// with these), and the shapes the chain page is given.

export const PAPER_READING_SOURCES = ["abstract", "full_text"] as const;
export type PaperReadingSource = (typeof PAPER_READING_SOURCES)[number];

export const CHAIN_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type ChainStatus = (typeof CHAIN_STATUSES)[number];

/** What the organizer chose; the rest of ChainOptions comes from DEFAULT_CHAIN_OPTIONS. */
export type StoredChainOptions = Pick<ChainOptions, "k" | "maxLength" | "minLength" | "seed"> & {
  pinnedAnchorIds: string[];
  excludedIds: string[];
};

export type ChainProgressState = {
  stage: ChainBuildStage;
  /** Store and model calls made so far. */
  calls: number;
  /** Papers read so far / to read, during the "reading" stage. */
  read?: number;
  toRead?: number;
  /** Papers that could not be read (no abstract, a failed call): the chain stands without their summary. */
  readErrors?: { paperId: string; message: string }[];
  /** Neighbourhoods fetched from a connector while the chain grew (or the failures). */
  fetches?: { paperId: string; ok: boolean; message: string }[];
};

export type StoredReading = { source: PaperReadingSource; model: string; reading: PaperReading };

export type { ChainResult, PaperReading };
