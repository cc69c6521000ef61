import "server-only";
import type Database from "better-sqlite3";
import { AppError } from "@/lib/errors";
import {
  effectiveDate,
  isSamePaper,
  mergePapers,
  normalizeIds,
  normalizeTitle,
} from "@/lib/literature/identity";
import { ID_KINDS, type IdKind, type PaperInput, type ParsedCorpus } from "@/lib/literature/types";
import { getDb } from "../../client";
import { withDbErrors } from "../../errors";

// Bulk writes go through prepared statements on the raw driver: an 18k-paper import must stay < 10 s.

const STUDY_MISSING = {
  SQLITE_CONSTRAINT_FOREIGNKEY: () => new AppError("not_found:study", "That study does not exist."),
};

export type StoredPaper = PaperInput & { id: string };

const ID_COLUMNS: Record<IdKind, string> = {
  doi: "doi",
  arxivId: "arxiv_id",
  s2Id: "s2_id",
  openalexId: "openalex_id",
  aclId: "acl_id",
  importId: "import_id",
};

const SELECT_PAPER = `SELECT id, doi, arxiv_id AS arxivId, s2_id AS s2Id, openalex_id AS openalexId, acl_id AS aclId,
  import_id AS importId, title, abstract, year, date, venue, authors, citation_count AS citationCount, url,
  pdf_url AS pdfUrl, source FROM papers`;

type RawPaper = Omit<StoredPaper, "authors"> & { authors: string };

export function rowToPaper(r: RawPaper): StoredPaper {
  return { ...r, authors: JSON.parse(r.authors) };
}

/** Trims and canonicalizes what a parser or connector produced, so equal papers compare equal. */
export function cleanPaper(p: PaperInput): PaperInput {
  return {
    ...p,
    ...normalizeIds(p),
    title: p.title.replace(/\s+/g, " ").trim(),
    abstract: p.abstract.replace(/\s+/g, " ").trim(),
    venue: p.venue?.trim() || null,
    url: p.url?.trim() || null,
    pdfUrl: p.pdfUrl?.trim() || null,
  };
}

const COLUMNS = [
  "doi",
  "arxiv_id",
  "s2_id",
  "openalex_id",
  "acl_id",
  "import_id",
  "title",
  "title_key",
  "abstract",
  "year",
  "date",
  "effective_date",
  "venue",
  "authors",
  "citation_count",
  "url",
  "pdf_url",
] as const;

function columnValues(p: PaperInput) {
  return [
    p.doi,
    p.arxivId,
    p.s2Id,
    p.openalexId,
    p.aclId,
    p.importId,
    p.title,
    normalizeTitle(p.title),
    p.abstract,
    p.year,
    p.date,
    effectiveDate(p),
    p.venue,
    JSON.stringify(p.authors),
    p.citationCount,
    p.url,
    p.pdfUrl,
  ];
}

function prepare(client: Database.Database) {
  const byId = Object.fromEntries(
    ID_KINDS.map((k) => [
      k,
      client.prepare(`${SELECT_PAPER} WHERE study_id IS ? AND ${ID_COLUMNS[k]} = ? LIMIT 8`),
    ]),
  ) as Record<IdKind, Database.Statement>;
  return {
    byId,
    byTitle: client.prepare(`${SELECT_PAPER} WHERE study_id IS ? AND title_key = ? AND year = ? LIMIT 8`),
    insert: client.prepare(
      `INSERT INTO papers (id, study_id, source, fetched_at, ${COLUMNS.join(", ")}) VALUES (?, ?, ?, ?, ${COLUMNS.map(() => "?").join(", ")})`,
    ),
    update: client.prepare(
      `UPDATE papers SET ${COLUMNS.map((c) => `${c} = ?`).join(", ")}, fetched_at = ? WHERE id = ?`,
    ),
    edge: client.prepare("INSERT OR IGNORE INTO paper_edges (citing_id, cited_id, source) VALUES (?, ?, ?)"),
    unresolved: client.prepare(
      "INSERT OR IGNORE INTO paper_unresolved_refs (paper_id, title, year, source) VALUES (?, ?, ?, ?)",
    ),
  };
}

type Statements = ReturnType<typeof prepare>;

function findExisting(st: Statements, studyId: string | null, p: PaperInput): StoredPaper | undefined {
  for (const kind of ID_KINDS) {
    const value = p[kind];
    if (value == null) continue;
    const rows = (st.byId[kind].all(studyId, value) as RawPaper[]).map(rowToPaper);
    const match = rows.find((r) => isSamePaper(r, p));
    if (match) return match;
  }
  if (p.year == null) return undefined;
  const key = normalizeTitle(p.title);
  if (!key) return undefined;
  return (st.byTitle.all(studyId, key, p.year) as RawPaper[]).map(rowToPaper).find((r) => isSamePaper(r, p));
}

export type UpsertResult = {
  ids: string[];
  inserted: number;
  merged: number;
  unchanged: number;
  edgesAdded: number;
};

function upsertOne(st: Statements, studyId: string | null, raw: PaperInput, now: number) {
  const p = cleanPaper(raw);
  const existing = findExisting(st, studyId, p);
  if (!existing) {
    const id = crypto.randomUUID();
    st.insert.run(id, studyId, p.source, now, ...columnValues(p));
    return { id, outcome: "inserted" as const };
  }
  const merged = mergePapers(existing, p);
  const before = columnValues(existing);
  const after = columnValues(merged);
  if (before.every((v, i) => v === after[i])) return { id: existing.id, outcome: "unchanged" as const };
  st.update.run(...after, now, existing.id);
  return { id: existing.id, outcome: "merged" as const };
}

/**
 * Stores a parsed corpus in one scope (instance when studyId is null) in one transaction: each paper
 * merged into the row it is identical to (lib/literature/identity.ts) or inserted, then its edges and
 * unresolved references. Re-storing the same corpus changes nothing.
 */
export function upsertCorpus({
  corpus,
  studyId,
  now = Date.now(),
}: {
  corpus: ParsedCorpus;
  studyId: string | null;
  now?: number;
}): UpsertResult {
  const client = getDb().$client;
  return withDbErrors(
    () =>
      client.transaction(() => {
        const st = prepare(client);
        const result: UpsertResult = { ids: [], inserted: 0, merged: 0, unchanged: 0, edgesAdded: 0 };
        for (const paper of corpus.papers) {
          const { id, outcome } = upsertOne(st, studyId, paper, now);
          result.ids.push(id);
          result[outcome] += 1;
        }
        for (const e of corpus.edges) {
          const citing = result.ids[e.citing];
          const cited = result.ids[e.cited];
          if (!citing || !cited || citing === cited) continue;
          const source = corpus.papers[e.citing]?.source ?? "import";
          result.edgesAdded += st.edge.run(citing, cited, source).changes;
        }
        for (const u of corpus.unresolved) {
          const paperId = result.ids[u.paper];
          const title = u.reference.title.replace(/\s+/g, " ").trim();
          if (!paperId || !title) continue;
          st.unresolved.run(paperId, title, u.reference.year, corpus.papers[u.paper]?.source ?? "import");
        }
        return result;
      })(),
    { map: STUDY_MISSING },
  );
}
