import "server-only";
import { searchPapers } from "@/db/queries/literature/search";
import type { SearchFilters, SearchHit } from "@/lib/literature/types";

// The one search the literature page and `npm run corpus:search` share. Where an embedding model is
// configured and papers have vectors, the query is embedded and the search is hybrid; else BM25 alone.

export type SearchMode = "hybrid" | "bm25";

export type LiteratureSearch = { hits: SearchHit[]; mode: SearchMode };

export type QueryEmbedder = (text: string) => Promise<{ model: string; vector: Float32Array } | null>;

export async function searchLiterature({
  query,
  studyId,
  filters,
  limit = 10,
  embedQuery,
}: {
  query: string;
  studyId: string | null;
  filters?: SearchFilters;
  limit?: number;
  embedQuery?: QueryEmbedder;
}): Promise<LiteratureSearch> {
  const embedding = embedQuery ? await embedQuery(query) : null;
  const hits = searchPapers({ query, studyId, filters, limit, embedding });
  return { hits, mode: embedding ? "hybrid" : "bm25" };
}
