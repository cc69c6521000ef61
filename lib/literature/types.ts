// Pure types of the literature store (specs/literature.md "Paper store"); db/schema uses them via $type<>().

export const PAPER_SOURCES = ["import", "bibtex", "ris", "semantic_scholar", "openalex", "arxiv"] as const;
export type PaperSource = (typeof PAPER_SOURCES)[number];

/** Sources that are remote APIs reached by a connector in server/literature. */
export const REMOTE_SOURCES = ["semantic_scholar", "openalex", "arxiv"] as const;
export type RemoteSource = (typeof REMOTE_SOURCES)[number];

export type PaperAuthor = { name: string; id?: string | null };

/** Every external id a paper can carry; identity is decided by these (lib/literature/identity.ts). */
export type PaperIds = {
  doi: string | null;
  arxivId: string | null;
  s2Id: string | null;
  openalexId: string | null;
  aclId: string | null;
  /** The id a local import file gave the paper (JSONL `id`, BibTeX key, RIS ID). */
  importId: string | null;
};

export const ID_KINDS = ["doi", "arxivId", "s2Id", "openalexId", "aclId", "importId"] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** A paper as a parser or connector produces it, before it is stored. */
export type PaperInput = PaperIds & {
  title: string;
  abstract: string;
  year: number | null;
  /** ISO date YYYY-MM-DD where the source knows it. */
  date: string | null;
  venue: string | null;
  authors: PaperAuthor[];
  citationCount: number | null;
  url: string | null;
  pdfUrl: string | null;
  source: PaperSource;
};

/** A reference whose target the source could not resolve to a paper (e.g. S2 `paperId: null`). */
export type UnresolvedReference = { title: string; year: number | null };

/** A parsed corpus: papers, edges by index into `papers`, and unresolved references per paper. */
export type ParsedCorpus = {
  papers: PaperInput[];
  edges: { citing: number; cited: number }[];
  unresolved: { paper: number; reference: UnresolvedReference }[];
};

/** A stored paper as pages and the CLI see it. */
export type PaperSummary = {
  id: string;
  title: string;
  year: number | null;
  date: string | null;
  venue: string | null;
  citationCount: number | null;
  source: PaperSource;
  studyId: string | null;
};

export type SearchFilters = {
  yearFrom?: number;
  yearTo?: number;
  venue?: string;
  source?: PaperSource;
  /** Excludes papers after this ISO date (on top of the study's own cut-off). */
  before?: string;
};

export type SearchHit = PaperSummary & { score: number; bm25Rank: number | null; vectorRank: number | null };

/** One result of a remote source's search, keyed by its id there. */
export type ExternalHit = { key: string; paper: PaperInput };
