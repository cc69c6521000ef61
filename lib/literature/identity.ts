// Paper identity: external ids first (DOI, arXiv, S2, OpenAlex, ACL, import id), then exact normalized
// title + year as the last resort. Never title alone: two papers called "Introduction" are not one.
import { ID_KINDS, type IdKind, type PaperIds, type PaperInput } from "./types";

export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//, "")
    .replace(/^doi:\s*/, "");
  return /^10\.\d{4,9}\/\S+$/.test(s) ? s : null;
}

export function normalizeArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(/^arxiv:\s*/i, "")
    .replace(/^https?:\/\/(export\.)?arxiv\.org\/(abs|pdf)\//i, "")
    .replace(/\.pdf$/i, "")
    .replace(/v\d+$/, "");
  if (/^\d{4}\.\d{4,5}$/.test(s)) return s;
  if (/^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/.test(s)) return s;
  return null;
}

export function normalizeS2Id(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().toLowerCase();
  return /^[0-9a-f]{40}$/.test(s) ? s : null;
}

export function normalizeOpenAlexId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(/^https?:\/\/openalex\.org\//i, "")
    .toUpperCase();
  return /^W\d+$/.test(s) ? s : null;
}

/** ACL Anthology ids: old style `P19-1001`, new style `2020.acl-main.1`. */
export function normalizeAclId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (/^[A-Z]\d{2}-\d{4}$/.test(s.toUpperCase())) return s.toUpperCase();
  if (/^\d{4}\.[a-z0-9-]+\.\d+$/.test(s.toLowerCase())) return s.toLowerCase();
  return null;
}

/** Lowercase, accents and punctuation removed, whitespace collapsed: "BERT: Pre-training…" → "bert pre training". */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The title + year key, or null when either is missing (title alone never identifies a paper). */
export function titleYearKey(p: { title: string; year: number | null }): string | null {
  const t = normalizeTitle(p.title);
  return t && p.year != null ? `${t}|${p.year}` : null;
}

/** Returns the ids in their canonical forms (invalid ones become null). */
export function normalizeIds(ids: Partial<PaperIds>): PaperIds {
  const importId = ids.importId?.trim() || null;
  return {
    doi: normalizeDoi(ids.doi),
    arxivId: normalizeArxivId(ids.arxivId),
    s2Id: normalizeS2Id(ids.s2Id),
    openalexId: normalizeOpenAlexId(ids.openalexId),
    aclId: normalizeAclId(ids.aclId) ?? normalizeAclId(importId),
    importId,
  };
}

/** Two papers are different when they carry different values of the same external id. */
export function idsConflict(a: PaperIds, b: PaperIds): boolean {
  return ID_KINDS.some((k) => a[k] != null && b[k] != null && a[k] !== b[k]);
}

/** The external id both papers share, if any. */
export function sharedIdKind(a: PaperIds, b: PaperIds): IdKind | null {
  return ID_KINDS.find((k) => a[k] != null && a[k] === b[k]) ?? null;
}

type Identity = PaperIds & { title: string; year: number | null };

/** Same paper: a shared external id with no conflicting one, else (no conflict) exact title + year. */
export function isSamePaper(a: Identity, b: Identity): boolean {
  if (idsConflict(a, b)) return false;
  if (sharedIdKind(a, b)) return true;
  const ka = titleYearKey(a);
  return ka != null && ka === titleYearKey(b);
}

const longer = (a: string, b: string) => (b.trim().length > a.trim().length ? b : a);

/** Merges what a second source knows into a stored paper: ids and empty fields filled, never overwritten. */
export function mergePapers<T extends PaperInput>(existing: T, incoming: PaperInput): T {
  const ids = Object.fromEntries(ID_KINDS.map((k) => [k, existing[k] ?? incoming[k]])) as PaperIds;
  const counts = [existing.citationCount, incoming.citationCount].filter((c): c is number => c != null);
  return {
    ...existing,
    ...ids,
    title: existing.title.trim() ? existing.title : incoming.title,
    abstract: longer(existing.abstract, incoming.abstract),
    year: existing.year ?? incoming.year,
    date: existing.date ?? incoming.date,
    venue: existing.venue ?? incoming.venue,
    authors: existing.authors.length > 0 ? existing.authors : incoming.authors,
    citationCount: counts.length > 0 ? Math.max(...counts) : null,
    url: existing.url ?? incoming.url,
    pdfUrl: existing.pdfUrl ?? incoming.pdfUrl,
  };
}

/**
 * The date used for cut-offs: the publication date, else the last day of the year (a paper known only
 * by its year may have appeared any day of it, so it counts as late as possible), else null (unknown
 * papers never pass a cut-off).
 */
export function effectiveDate(p: { date: string | null; year: number | null }): string | null {
  if (p.date && /^\d{4}-\d{2}-\d{2}$/.test(p.date)) return p.date;
  if (p.date && /^\d{4}-\d{2}$/.test(p.date)) return `${p.date}-31`;
  return p.year != null ? `${String(p.year).padStart(4, "0")}-12-31` : null;
}
