import "server-only";
import type { SearchFilters } from "@/lib/literature/types";

// The one WHERE fragment that decides which papers a scope sees (alias `p` = papers, params @study and
// @before). The study's cut-off is read inside the query itself, so no caller can forget it: a paper
// passes only with a known effective date on or before the cut-off.
export const VISIBLE_PAPER_SQL = `(p.study_id IS NULL OR p.study_id = @study)
  AND (
    (SELECT s.literature_cutoff FROM studies s WHERE s.id = @study) IS NULL
    OR (p.effective_date IS NOT NULL AND p.effective_date <= (SELECT s.literature_cutoff FROM studies s WHERE s.id = @study))
  )
  AND (@before IS NULL OR (p.effective_date IS NOT NULL AND p.effective_date < @before))`;

export const PAPER_SUMMARY_COLUMNS = `p.id, p.title, p.year, p.date, p.venue, p.citation_count AS citationCount,
  p.source, p.study_id AS studyId`;

export type ScopeParams = { study: string | null; before: string | null };

export function scopeParams({
  studyId,
  before,
}: {
  studyId: string | null;
  before?: string | null;
}): ScopeParams {
  return { study: studyId, before: before ?? null };
}

export const FILTER_SQL = `AND (@yearFrom IS NULL OR p.year >= @yearFrom)
  AND (@yearTo IS NULL OR p.year <= @yearTo)
  AND (@venue IS NULL OR p.venue = @venue COLLATE NOCASE)
  AND (@source IS NULL OR p.source = @source)`;

export function searchParams(studyId: string | null, filters: SearchFilters) {
  return {
    ...scopeParams({ studyId, before: filters.before }),
    yearFrom: filters.yearFrom ?? null,
    yearTo: filters.yearTo ?? null,
    venue: filters.venue?.trim() || null,
    source: filters.source ?? null,
  };
}
