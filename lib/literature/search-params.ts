// The literature page's query string → a search (pure, so the page and its test share it). Bad
// filters are reported by name and ignored rather than failing the page.
import { z } from "zod";
import { PAPER_SOURCES, type SearchFilters } from "./types";

const year = z.coerce.number().int().min(1000).max(2200);

export type ParsedSearch = { query: string; filters: SearchFilters; problems: string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export function parseSearchParams(sp: Record<string, string | string[] | undefined>): ParsedSearch {
  const problems: string[] = [];
  const filters: SearchFilters = {};
  const yf = first(sp.yearFrom);
  const yt = first(sp.yearTo);
  if (yf) {
    const r = year.safeParse(yf);
    if (r.success) filters.yearFrom = r.data;
    else problems.push(`"From year" must be a year such as 2015 (got "${yf}").`);
  }
  if (yt) {
    const r = year.safeParse(yt);
    if (r.success) filters.yearTo = r.data;
    else problems.push(`"To year" must be a year such as 2020 (got "${yt}").`);
  }
  const venue = first(sp.venue);
  if (venue) filters.venue = venue.slice(0, 200);
  const source = first(sp.source);
  if (source) {
    const r = z.enum(PAPER_SOURCES).safeParse(source);
    if (r.success) filters.source = r.data;
    else problems.push(`Unknown source "${source}".`);
  }
  return { query: (first(sp.q) ?? "").slice(0, 500), filters, problems };
}

export const SOURCE_LABELS: Record<(typeof PAPER_SOURCES)[number], string> = {
  import: "JSONL import",
  bibtex: "BibTeX",
  ris: "RIS",
  semantic_scholar: "Semantic Scholar",
  openalex: "OpenAlex",
  arxiv: "arXiv",
};
