// Pure types of the chain builder (specs/literature.md "Chain builder"). The builder sees the
// literature store and the model only through the two interfaces below, so it is tested with an
// in-memory store and a scripted model, and the real ones (db/queries/literature, server/ai) plug in.

/** A paper as the builder needs it; the store's richer row maps onto this. */
export type ChainPaper = {
  id: string;
  title: string;
  abstract: string;
  year: number | null;
  /** ISO date (YYYY-MM-DD, or YYYY-MM) where the source knows it. */
  date: string | null;
  citationCount: number | null;
};

export type PaperStore = {
  /** Relevance search; `before` is the cut-off the store should apply (the builder applies it again). */
  search(query: string, options: { before: string | null; limit: number }): Promise<ChainPaper[]>;
  getPaper(id: string): Promise<ChainPaper | null>;
  /** Forward: papers that cite `paperId`. */
  citing(paperId: string): Promise<ChainPaper[]>;
  /** Backward: papers `paperId` cites. */
  references(paperId: string): Promise<ChainPaper[]>;
};

export type RelevanceVerdict = { relevant: boolean; reason: string };

/** The model's steps, each already parsed and checked (lib/ai/prompts/*, lib/chains/parse.ts). */
export type LlmSteps = {
  proposeQueries(topic: string): Promise<string[]>;
  /** Judges `candidate` (never `anchor`) for the topic; `anchor` is null while anchors are chosen. */
  judgeRelevance(input: {
    topic: string;
    anchor: ChainPaper | null;
    candidate: ChainPaper;
  }): Promise<RelevanceVerdict>;
  /** Up to 3 ids, most relevant first, chosen among `references`' ids. */
  pickReferences(input: { topic: string; current: ChainPaper; references: ChainPaper[] }): Promise<{
    ids: string[];
    reason: string;
  }>;
};

export const CHAIN_DIRECTIONS = ["backward", "anchor", "forward"] as const;
export type ChainDirection = (typeof CHAIN_DIRECTIONS)[number];

export type ChainNode = {
  paperId: string;
  title: string;
  year: number | null;
  date: string | null;
  citationCount: number | null;
  direction: ChainDirection;
  /** Why the builder chose this paper. */
  reason: string;
};

export type Chain = {
  anchorId: string;
  /** Oldest first: backward nodes, the anchor, forward nodes. */
  nodes: ChainNode[];
};

export const CHAIN_STAGES = ["queries", "candidates", "anchor", "backward", "forward", "stop"] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export const CHAIN_DECISIONS = ["accepted", "rejected", "ignored", "stopped"] as const;
export type ChainDecision = (typeof CHAIN_DECISIONS)[number];

/** One choice the builder made, with its reason; `chain` is the chain's index (null before anchors). */
export type ChainLogEntry = {
  chain: number | null;
  stage: ChainStage;
  decision: ChainDecision;
  paperId: string | null;
  reason: string;
};

export type ChainOptions = {
  /** Number of chains (anchors). */
  k: number;
  maxLength: number;
  minLength: number;
  /** A backward paper with at least this many citations ends the backward walk once minLength is reached. */
  milestoneCitations: number;
  /** ISO date; no accepted paper may have an effective date on or after it. */
  before: string | null;
  seed: number;
  /** Hits asked of the store per query. */
  searchLimit: number;
  /** Gate calls at most per forward step and per anchor search (every loop bounded). */
  maxGateCalls: number;
  /** References offered to the model per backward step. */
  maxOfferedReferences: number;
  /** Papers the user pinned as anchors (tried first, in order). */
  pinnedAnchorIds: string[];
  /** Papers the user removed: never accepted anywhere. */
  excludedIds: string[];
};

export const DEFAULT_CHAIN_OPTIONS: ChainOptions = {
  k: 3,
  maxLength: 5,
  minLength: 3,
  milestoneCitations: 1000,
  before: null,
  seed: 1,
  searchLimit: 20,
  maxGateCalls: 5,
  maxOfferedReferences: 10,
  pinnedAnchorIds: [],
  excludedIds: [],
};

export type ChainResult = { queries: string[]; chains: Chain[]; log: ChainLogEntry[] };
