import "server-only";
import { toFtsQuery } from "@/lib/literature/fts-query";
import { fuseByReciprocalRank } from "@/lib/literature/rank";
import type { PaperSummary, SearchFilters, SearchHit } from "@/lib/literature/types";
import { getDb } from "../../client";
import { withDbErrors } from "../../errors";
import { nearestPapers } from "./embeddings";
import { FILTER_SQL, PAPER_SUMMARY_COLUMNS, searchParams, VISIBLE_PAPER_SQL } from "./visibility";

// Hybrid search: BM25 over papers_fts and cosine over stored embeddings, fused by reciprocal rank.
// Both candidate lists are filtered by the same visibility SQL (scope, cut-off, filters).

/** How deep each ranked list goes before fusion. */
const CANDIDATES = 100;

export type SearchInput = {
  query: string;
  studyId: string | null;
  filters?: SearchFilters;
  limit?: number;
  /** A unit query vector and the model it came from; without it the search is BM25 alone. */
  embedding?: { model: string; vector: Float32Array } | null;
};

function bm25Ids(
  match: string,
  p: ReturnType<typeof searchParams>,
  limit: number,
): { id: string; score: number }[] {
  return getDb()
    .$client.prepare(
      `SELECT p.id, bm25(papers_fts, 4.0, 1.0) AS score FROM papers_fts JOIN papers p ON p.seq = papers_fts.rowid
       WHERE papers_fts MATCH @match AND ${VISIBLE_PAPER_SQL} ${FILTER_SQL}
       ORDER BY score LIMIT @limit`,
    )
    .all({ ...p, match, limit }) as { id: string; score: number }[];
}

export function getPaperSummaries(ids: string[]): Map<string, PaperSummary> {
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .$client.prepare(
      `SELECT ${PAPER_SUMMARY_COLUMNS} FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as PaperSummary[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Searches the papers a study (or, with studyId null, the instance) may see; best first. */
export function searchPapers({
  query,
  studyId,
  filters = {},
  limit = 10,
  embedding,
}: SearchInput): SearchHit[] {
  const match = toFtsQuery(query);
  if (!match) return [];
  return withDbErrors(
    () => {
      const p = searchParams(studyId, filters);
      const lexical = bm25Ids(match, p, embedding ? CANDIDATES : limit);
      const bm25ById = new Map(lexical.map((r) => [r.id, r.score]));
      const semantic = embedding
        ? nearestPapers({ model: embedding.model, query: embedding.vector, where: p, k: CANDIDATES })
        : [];
      const fused = fuseByReciprocalRank([lexical.map((r) => r.id), semantic.map((r) => r.id)]).slice(
        0,
        limit,
      );
      const summaries = getPaperSummaries(fused.map((f) => f.id));
      return fused.flatMap((f) => {
        const s = summaries.get(f.id);
        // BM25 alone reports the (sign-flipped) BM25 score; hybrid reports the fused RRF score.
        const score = embedding ? f.score : -(bm25ById.get(f.id) ?? 0);
        return s ? [{ ...s, score, bm25Rank: f.ranks[0] ?? null, vectorRank: f.ranks[1] ?? null }] : [];
      });
    },
    { action: "searching papers" },
  );
}
