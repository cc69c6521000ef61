// Semantic Scholar Graph API responses (specs/literature-apis.md 5.1): zod schemas and pure mappers
// to the store's PaperInput. Unknown fields pass through unchecked; the ones we use are validated.
import { z } from "zod";
import type { PaperInput, UnresolvedReference } from "./types";

export const S2_FIELDS =
  "paperId,externalIds,url,title,abstract,venue,year,publicationDate,citationCount,isOpenAccess,openAccessPdf,authors";

const openAccessPdf = z
  .object({ url: z.string().nullish(), status: z.string().nullish() })
  .nullish()
  .transform((v) => (v?.url?.trim() ? v.url.trim() : null));

export const s2PaperSchema = z.object({
  paperId: z.string().nullable(),
  externalIds: z.record(z.string(), z.union([z.string(), z.number()]).nullable()).nullish(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  abstract: z.string().nullish(),
  venue: z.string().nullish(),
  year: z.number().int().nullish(),
  publicationDate: z.string().nullish(),
  citationCount: z.number().int().nullish(),
  openAccessPdf,
  authors: z.array(z.object({ authorId: z.string().nullish(), name: z.string().nullish() })).nullish(),
});
export type S2Paper = z.output<typeof s2PaperSchema>;

export const s2SearchSchema = z.object({
  total: z.number().int().optional(),
  offset: z.number().int().optional(),
  next: z.number().int().optional(),
  data: z.array(s2PaperSchema).default([]),
});

export const s2MatchSchema = z.object({
  data: z.array(s2PaperSchema.extend({ matchScore: z.number().optional() })),
});

export const s2ReferencesSchema = z.object({
  offset: z.number().int().optional(),
  next: z.number().int().optional(),
  data: z.array(z.object({ citedPaper: s2PaperSchema })).default([]),
});

export const s2CitationsSchema = z.object({
  offset: z.number().int().optional(),
  next: z.number().int().optional(),
  data: z.array(z.object({ citingPaper: s2PaperSchema })).default([]),
});

const idText = (v: string | number | null | undefined) => (v == null ? null : String(v));

/** A resolved S2 paper (paperId and title present) → PaperInput; null otherwise. */
export function mapS2Paper(p: S2Paper): PaperInput | null {
  if (!p.paperId || !p.title?.trim()) return null;
  const ids = p.externalIds ?? {};
  const date = p.publicationDate && /^\d{4}-\d{2}-\d{2}$/.test(p.publicationDate) ? p.publicationDate : null;
  return {
    s2Id: p.paperId,
    doi: idText(ids.DOI),
    arxivId: idText(ids.ArXiv),
    aclId: idText(ids.ACL),
    openalexId: null,
    importId: null,
    title: p.title,
    abstract: p.abstract ?? "",
    year: p.year ?? (date ? Number(date.slice(0, 4)) : null),
    date,
    venue: p.venue?.trim() || null,
    authors: (p.authors ?? []).flatMap((a) => (a.name ? [{ name: a.name, id: a.authorId ?? null }] : [])),
    citationCount: p.citationCount ?? null,
    url: p.url ?? null,
    pdfUrl: p.openAccessPdf,
    source: "semantic_scholar",
  };
}

/** Splits a reference list: resolved papers, and unresolved ones (`paperId: null`) kept by title. */
export function splitS2References(items: S2Paper[]): {
  papers: PaperInput[];
  unresolved: UnresolvedReference[];
} {
  const papers: PaperInput[] = [];
  const unresolved: UnresolvedReference[] = [];
  for (const item of items) {
    const mapped = mapS2Paper(item);
    if (mapped) papers.push(mapped);
    else if (item.title?.trim()) unresolved.push({ title: item.title.trim(), year: item.year ?? null });
  }
  return { papers, unresolved };
}
