import "server-only";
import {
  mapS2Paper,
  S2_FIELDS,
  s2CitationsSchema,
  s2MatchSchema,
  s2PaperSchema,
  s2ReferencesSchema,
  s2SearchSchema,
  splitS2References,
} from "@/lib/literature/semantic-scholar";
import type { PaperInput } from "@/lib/literature/types";
import { parseJsonWith, type SourceClient } from "./http";

const LABEL = "Semantic Scholar";

/** S2 paper id forms: its own sha, or DOI:…, ARXIV:…, ACL:… for a paper known by another id. */
export function s2IdFor(p: Pick<PaperInput, "s2Id" | "doi" | "arxivId" | "aclId">): string | null {
  if (p.s2Id) return p.s2Id;
  if (p.doi) return `DOI:${p.doi}`;
  if (p.arxivId) return `ARXIV:${p.arxivId}`;
  if (p.aclId) return `ACL:${p.aclId}`;
  return null;
}

const mapAll = (items: Parameters<typeof mapS2Paper>[0][]) => items.flatMap((p) => mapS2Paper(p) ?? []);

export function createSemanticScholar(client: SourceClient) {
  return {
    label: LABEL,
    /** Relevance search; `next` is the offset of the following page, null on the last one. */
    async search(query: string, { offset = 0, limit = 20 }: { offset?: number; limit?: number } = {}) {
      const r = await client.get(
        "/paper/search",
        { query, fields: S2_FIELDS, offset, limit },
        parseJsonWith(LABEL, s2SearchSchema),
      );
      return {
        total: r.data.total ?? null,
        next: r.data.next ?? null,
        papers: mapAll(r.data.data),
        cached: r.cached,
      };
    },
    /** The best title match, or null when S2 answers 404 "Title match not found". */
    async matchTitle(title: string) {
      const r = await client.get(
        "/paper/search/match",
        { query: title, fields: S2_FIELDS },
        (status, body) => (status === 404 ? null : parseJsonWith(LABEL, s2MatchSchema)(status, body)),
        [404],
      );
      const best = r.data?.data[0];
      return best ? mapS2Paper(best) : null;
    },
    async getPaper(id: string) {
      const r = await client.get(
        `/paper/${encodeURIComponent(id)}`,
        { fields: S2_FIELDS },
        parseJsonWith(LABEL, s2PaperSchema),
      );
      return mapS2Paper(r.data);
    },
    /** Backward: the papers it cites; references S2 could not resolve (`paperId: null`) come back by title. */
    async references(id: string, { offset = 0, limit = 100 }: { offset?: number; limit?: number } = {}) {
      const r = await client.get(
        `/paper/${encodeURIComponent(id)}/references`,
        { fields: S2_FIELDS, offset, limit },
        parseJsonWith(LABEL, s2ReferencesSchema),
      );
      return { next: r.data.next ?? null, ...splitS2References(r.data.data.map((d) => d.citedPaper)) };
    },
    /** Forward: the papers citing it, one page. */
    async citations(id: string, { offset = 0, limit = 100 }: { offset?: number; limit?: number } = {}) {
      const r = await client.get(
        `/paper/${encodeURIComponent(id)}/citations`,
        { fields: S2_FIELDS, offset, limit },
        parseJsonWith(LABEL, s2CitationsSchema),
      );
      return { next: r.data.next ?? null, papers: mapAll(r.data.data.map((d) => d.citingPaper)) };
    },
    /** Every citing paper over at most maxPages pages (paging is bounded). */
    async allCitations(
      id: string,
      { maxPages = 5, limit = 100 }: { maxPages?: number; limit?: number } = {},
    ) {
      const papers: PaperInput[] = [];
      let offset: number | null = 0;
      for (let page = 0; page < maxPages && offset != null; page++) {
        const r: { next: number | null; papers: PaperInput[] } = await this.citations(id, { offset, limit });
        papers.push(...r.papers);
        offset = r.next;
      }
      return { papers, complete: offset == null };
    },
  };
}

export type SemanticScholar = ReturnType<typeof createSemanticScholar>;
