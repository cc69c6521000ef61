import "server-only";
import {
  mapOpenAlexWork,
  OPENALEX_SELECT,
  openAlexListSchema,
  openAlexWorkSchema,
  shortOpenAlexId,
} from "@/lib/literature/openalex";
import type { PaperInput } from "@/lib/literature/types";
import { parseJsonWith, type SourceClient } from "./http";

const LABEL = "OpenAlex";
/** OpenAlex ORs at most this many ids in one `openalex:` filter. */
const IDS_PER_REQUEST = 50;

const mapAll = (works: Parameters<typeof mapOpenAlexWork>[0][]) =>
  works.flatMap((w) => mapOpenAlexWork(w) ?? []);

export function openAlexIdFor(p: Pick<PaperInput, "openalexId" | "doi">): string | null {
  if (p.openalexId) return p.openalexId;
  if (p.doi) return `doi:${p.doi}`;
  return null;
}

export function createOpenAlex(client: SourceClient) {
  const list = (params: Record<string, string | number | undefined>) =>
    client.get("/works", { select: OPENALEX_SELECT, ...params }, parseJsonWith(LABEL, openAlexListSchema));

  return {
    label: LABEL,
    /** Full-text search with cursor paging (`cursor` "*" for the first page; nextCursor null at the end). */
    async search(query: string, { cursor = "*", perPage = 25 }: { cursor?: string; perPage?: number } = {}) {
      const r = await list({ search: query, cursor, per_page: perPage });
      return {
        total: r.data.meta.count ?? null,
        nextCursor: r.data.meta.next_cursor ?? null,
        papers: mapAll(r.data.results),
        cached: r.cached,
      };
    },
    async getWork(id: string) {
      const r = await client.get(
        `/works/${encodeURIComponent(id)}`,
        { select: OPENALEX_SELECT },
        parseJsonWith(LABEL, openAlexWorkSchema),
      );
      return {
        paper: mapOpenAlexWork(r.data),
        referencedWorks: (r.data.referenced_works ?? []).map(shortOpenAlexId),
      };
    },
    /** Forward: works citing it (`filter=cites:W…`), one cursor page. */
    async citing(
      workId: string,
      { cursor = "*", perPage = 100 }: { cursor?: string; perPage?: number } = {},
    ) {
      const r = await list({ filter: `cites:${shortOpenAlexId(workId)}`, cursor, per_page: perPage });
      return { nextCursor: r.data.meta.next_cursor ?? null, papers: mapAll(r.data.results) };
    },
    /** Backward: the work's referenced_works, fetched in batches of ids; at most maxIds references. */
    async references(workId: string, { maxIds = 200 }: { maxIds?: number } = {}) {
      const { paper, referencedWorks } = await this.getWork(workId);
      const ids = referencedWorks.slice(0, maxIds);
      const papers: PaperInput[] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        const batch = ids.slice(i, i + IDS_PER_REQUEST);
        const r = await list({ filter: `openalex:${batch.join("|")}`, per_page: batch.length });
        papers.push(...mapAll(r.data.results));
      }
      return { paper, papers, truncated: referencedWorks.length > ids.length };
    },
  };
}

export type OpenAlex = ReturnType<typeof createOpenAlex>;
