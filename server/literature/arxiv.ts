import "server-only";
import { parseArxivFeed } from "@/lib/literature/arxiv";
import type { SourceClient } from "./http";

export function createArxiv(client: SourceClient) {
  return {
    label: "arXiv",
    /** Atom search (`search_query` syntax: ti: au: abs: all:, AND/OR/ANDNOT); error feeds (HTTP 400) fail visibly. */
    async search(
      query: string,
      { start = 0, maxResults = 20 }: { start?: number; maxResults?: number } = {},
    ) {
      const r = await client.get(
        "/query",
        { search_query: query, start, max_results: maxResults, sortBy: "relevance" },
        (_status, body) => parseArxivFeed(body),
        [400],
      );
      return { ...r.data, cached: r.cached };
    },
  };
}

export type Arxiv = ReturnType<typeof createArxiv>;
