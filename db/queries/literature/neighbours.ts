import "server-only";
import type { PaperSummary, UnresolvedReference } from "@/lib/literature/types";
import { getDb } from "../../client";
import { rowToPaper, type StoredPaper } from "./papers";
import { PAPER_SUMMARY_COLUMNS, scopeParams, VISIBLE_PAPER_SQL } from "./visibility";

// A paper and its citation neighbourhood, each side filtered by the same visibility as search, so a
// paper after the study's cut-off is neither shown nor listed as a neighbour.

type Scope = { studyId: string | null; before?: string | null };

/** One paper the scope may see, with every stored field; undefined when it does not exist or is hidden. */
export function getVisiblePaper({
  paperId,
  ...scope
}: Scope & { paperId: string }): (StoredPaper & { studyId: string | null }) | undefined {
  const row = getDb()
    .$client.prepare(
      `SELECT p.id, p.doi, p.arxiv_id AS arxivId, p.s2_id AS s2Id, p.openalex_id AS openalexId, p.acl_id AS aclId,
        p.import_id AS importId, p.title, p.abstract, p.year, p.date, p.venue, p.authors,
        p.citation_count AS citationCount, p.url, p.pdf_url AS pdfUrl, p.source, p.study_id AS studyId
       FROM papers p WHERE p.id = @paper AND ${VISIBLE_PAPER_SQL}`,
    )
    .get({ ...scopeParams(scope), paper: paperId }) as
    | (Parameters<typeof rowToPaper>[0] & { studyId: string | null })
    | undefined;
  return row ? { ...rowToPaper(row), studyId: row.studyId } : undefined;
}

export type Neighbours = {
  citing: PaperSummary[];
  references: PaperSummary[];
  unresolved: UnresolvedReference[];
};

/** Forward (papers citing it) and backward (papers it cites) neighbours, newest / most cited first. */
export function getNeighbours({
  paperId,
  limit = 200,
  ...scope
}: Scope & { paperId: string; limit?: number }): Neighbours {
  const client = getDb().$client;
  const params = { ...scopeParams(scope), paper: paperId, limit };
  const citing = client
    .prepare(
      `SELECT ${PAPER_SUMMARY_COLUMNS} FROM paper_edges e JOIN papers p ON p.id = e.citing_id
       WHERE e.cited_id = @paper AND ${VISIBLE_PAPER_SQL}
       ORDER BY p.year DESC, p.citation_count DESC, p.title LIMIT @limit`,
    )
    .all(params) as PaperSummary[];
  const references = client
    .prepare(
      `SELECT ${PAPER_SUMMARY_COLUMNS} FROM paper_edges e JOIN papers p ON p.id = e.cited_id
       WHERE e.citing_id = @paper AND ${VISIBLE_PAPER_SQL}
       ORDER BY p.year DESC, p.citation_count DESC, p.title LIMIT @limit`,
    )
    .all(params) as PaperSummary[];
  const unresolved = client
    .prepare("SELECT title, year FROM paper_unresolved_refs WHERE paper_id = ? ORDER BY title LIMIT ?")
    .all(paperId, limit) as UnresolvedReference[];
  return { citing, references, unresolved };
}

/** How many papers each scope holds, for the literature page's header. */
export function countPapers({ studyId }: { studyId: string | null }) {
  return getDb()
    .$client.prepare(
      `SELECT count(*) AS total, sum(CASE WHEN p.study_id IS NULL THEN 0 ELSE 1 END) AS inStudy,
        (SELECT count(*) FROM papers p WHERE ${VISIBLE_PAPER_SQL}) AS visible
       FROM papers p WHERE p.study_id IS NULL OR p.study_id = @study`,
    )
    .get(scopeParams({ studyId })) as { total: number; inStudy: number | null; visible: number };
}
