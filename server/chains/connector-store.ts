import "server-only";
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import type { PaperStore } from "@/lib/chains/types";
import type { Connectors } from "@/server/literature/config";
import { type FetchSource, fetchNeighbours } from "@/server/literature/fetch-more";
import { openAlexIdFor } from "@/server/literature/openalex";
import { s2IdFor } from "@/server/literature/semantic-scholar";

// The local store, grown from the connectors while a chain is built: when a paper the builder walks
// from has no neighbours of the asked direction in the store, its references and citations are
// fetched once (Semantic Scholar, else OpenAlex; responses cached in http_cache) into the paper's
// scope and read again from the store, so the study's visibility and cut-off still decide. Bounded:
// at most `maxFetches` papers per build, each at most once, none after two failures in a row; a
// connector failure is reported, not thrown.

export const DEFAULT_MAX_FETCHES = 12;
const MAX_FAILURES = 2;

export type ConnectorFetchEvent = { paperId: string; source: FetchSource; ok: boolean; message: string };

export function withConnectorFetch(
  store: PaperStore,
  {
    connectors,
    studyId,
    maxFetches = DEFAULT_MAX_FETCHES,
    onFetch,
  }: {
    connectors: Connectors;
    studyId: string | null;
    maxFetches?: number;
    onFetch?: (event: ConnectorFetchEvent) => void;
  },
): PaperStore {
  const tried = new Set<string>();
  let failures = 0;

  async function fetchOnce(paperId: string): Promise<boolean> {
    // A source that failed twice in a row is down or refusing: the build carries on from the store.
    if (tried.has(paperId) || tried.size >= maxFetches || failures >= MAX_FAILURES) return false;
    tried.add(paperId);
    const paper = getVisiblePaper({ paperId, studyId });
    if (!paper) return false;
    const source: FetchSource | null = s2IdFor(paper)
      ? "semantic_scholar"
      : openAlexIdFor(paper)
        ? "openalex"
        : null;
    if (!source) return false;
    try {
      // Into the paper's own scope (the instance's corpus for an instance paper): stored in the study
      // it would become a second row with another id, and the chain would not see its edges.
      const r = await fetchNeighbours({ connectors, paper, studyId: paper.studyId, source });
      onFetch?.({
        paperId,
        source,
        ok: true,
        message: `fetched ${r.fetched} neighbours (${r.inserted} new)`,
      });
      return r.fetched > 0;
    } catch (e) {
      failures += 1;
      onFetch?.({ paperId, source, ok: false, message: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  return {
    search: (query, options) => store.search(query, options),
    getPaper: (id) => store.getPaper(id),
    async citing(paperId) {
      const local = await store.citing(paperId);
      if (local.length > 0 || !(await fetchOnce(paperId))) return local;
      return store.citing(paperId);
    },
    async references(paperId) {
      const local = await store.references(paperId);
      if (local.length > 0 || !(await fetchOnce(paperId))) return local;
      return store.references(paperId);
    },
  };
}
