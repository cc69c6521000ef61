import "server-only";
import type { ExternalHit } from "@/lib/literature/types";
import type { Connectors } from "./config";

/** One page of results from a remote source; each hit has a stable key (its id there). */
export async function searchExternal({
  connectors,
  source,
  query,
}: {
  connectors: Connectors;
  source: "semantic_scholar" | "openalex" | "arxiv";
  query: string;
}): Promise<{ papers: ExternalHit[]; cached: boolean }> {
  const r =
    source === "semantic_scholar"
      ? await connectors.semanticScholar.search(query, { limit: 20 })
      : source === "openalex"
        ? await connectors.openAlex.search(query, { perPage: 20 })
        : await connectors.arxiv.search(`all:${query}`, { maxResults: 20 });
  const papers = r.papers.map((paper) => ({
    key: paper.s2Id ?? paper.openalexId ?? paper.arxivId ?? paper.doi ?? paper.title,
    paper,
  }));
  return { papers, cached: r.cached };
}
