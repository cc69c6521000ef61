// OpenAlex works API responses (specs/literature-apis.md 5.3): zod schemas, the abstract rebuilt from
// its inverted index, and pure mappers to PaperInput.
import { z } from "zod";
import type { PaperInput } from "./types";

export const OPENALEX_SELECT =
  "id,doi,title,display_name,publication_year,publication_date,cited_by_count,referenced_works,abstract_inverted_index,best_oa_location,primary_location,authorships,ids";

export const openAlexWorkSchema = z.object({
  id: z.string(),
  doi: z.string().nullish(),
  title: z.string().nullish(),
  display_name: z.string().nullish(),
  publication_year: z.number().int().nullish(),
  publication_date: z.string().nullish(),
  cited_by_count: z.number().int().nullish(),
  referenced_works: z.array(z.string()).nullish(),
  abstract_inverted_index: z.record(z.string(), z.array(z.number().int().min(0))).nullish(),
  best_oa_location: z
    .object({ pdf_url: z.string().nullish(), landing_page_url: z.string().nullish() })
    .nullish(),
  primary_location: z
    .object({
      landing_page_url: z.string().nullish(),
      source: z.object({ display_name: z.string().nullish() }).nullish(),
    })
    .nullish(),
  authorships: z
    .array(z.object({ author: z.object({ id: z.string().nullish(), display_name: z.string().nullish() }) }))
    .nullish(),
  ids: z.record(z.string(), z.string().nullish()).nullish(),
});
export type OpenAlexWork = z.output<typeof openAlexWorkSchema>;

export const openAlexListSchema = z.object({
  meta: z.object({
    count: z.number().int().nullish(),
    next_cursor: z.string().nullish(),
    page: z.number().int().nullish(),
    per_page: z.number().int().nullish(),
  }),
  results: z.array(openAlexWorkSchema),
});

/** Rebuilds an abstract from OpenAlex's inverted index (word → positions); gaps are skipped. */
export function rebuildAbstract(index: Record<string, number[]> | null | undefined): string {
  if (!index) return "";
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) for (const p of positions) words[p] = word;
  return words.filter((w) => w !== undefined).join(" ");
}

/** "https://openalex.org/W123" → "W123". */
export const shortOpenAlexId = (id: string) => id.replace(/^https?:\/\/openalex\.org\//i, "");

export function mapOpenAlexWork(w: OpenAlexWork): PaperInput | null {
  const title = (w.title ?? w.display_name ?? "").trim();
  if (!title) return null;
  const date =
    w.publication_date && /^\d{4}-\d{2}-\d{2}$/.test(w.publication_date) ? w.publication_date : null;
  const arxiv = Object.values(w.ids ?? {}).find((v) => v && /arxiv\.org\/abs\//i.test(v)) ?? null;
  return {
    openalexId: shortOpenAlexId(w.id),
    doi: w.doi ?? null,
    arxivId: arxiv,
    s2Id: null,
    aclId: null,
    importId: null,
    title,
    abstract: rebuildAbstract(w.abstract_inverted_index),
    year: w.publication_year ?? (date ? Number(date.slice(0, 4)) : null),
    date,
    venue: w.primary_location?.source?.display_name?.trim() || null,
    authors: (w.authorships ?? []).flatMap((a) =>
      a.author.display_name ? [{ name: a.author.display_name, id: a.author.id ?? null }] : [],
    ),
    citationCount: w.cited_by_count ?? null,
    url: w.primary_location?.landing_page_url ?? w.id,
    pdfUrl: w.best_oa_location?.pdf_url?.trim() || null,
    source: "openalex",
  };
}
