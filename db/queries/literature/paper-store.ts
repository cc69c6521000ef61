import "server-only";
import type { ChainPaper, PaperStore } from "@/lib/chains/types";
import { toFtsQuery } from "@/lib/literature/fts-query";
import { getDb } from "../../client";
import { withDbErrors } from "../../errors";
import { scopeParams, VISIBLE_PAPER_SQL } from "./visibility";

// The chain builder's PaperStore (lib/chains/types.ts) over the local SQLite store for one study:
// search through the FTS5 index (BM25), citing = forward edges, references = backward edges. Every
// read goes through the same visibility SQL as the literature page, so the study's scope and
// cut-off (and an extra `before`) hold everywhere. Identity is the paper's id, never its title.

const CHAIN_PAPER_COLUMNS = `p.id, p.title, p.abstract, p.year, p.date, p.citation_count AS citationCount`;

/** Neighbours read per paper at most (a hub paper in a large corpus cites or is cited thousands of times). */
export const MAX_NEIGHBOURS = 1000;

/** The earlier of two YYYY-MM-DD cut-offs (null = none). */
export function earlierCutoff(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function createStudyPaperStore({
  studyId,
  before,
}: {
  /** Null: the instance's corpus only (the CLI without --study). */
  studyId: string | null;
  before: string | null;
}): PaperStore {
  const client = getDb().$client;
  const searchStmt = client.prepare(
    `SELECT ${CHAIN_PAPER_COLUMNS}, bm25(papers_fts, 4.0, 1.0) AS score
     FROM papers_fts JOIN papers p ON p.seq = papers_fts.rowid
     WHERE papers_fts MATCH @match AND ${VISIBLE_PAPER_SQL}
     ORDER BY score, p.id LIMIT @limit`,
  );
  const getStmt = client.prepare(
    `SELECT ${CHAIN_PAPER_COLUMNS} FROM papers p WHERE p.id = @paper AND ${VISIBLE_PAPER_SQL}`,
  );
  const citingStmt = client.prepare(
    `SELECT ${CHAIN_PAPER_COLUMNS} FROM paper_edges e JOIN papers p ON p.id = e.citing_id
     WHERE e.cited_id = @paper AND ${VISIBLE_PAPER_SQL}
     ORDER BY p.citation_count DESC, p.id LIMIT @limit`,
  );
  const referencesStmt = client.prepare(
    `SELECT ${CHAIN_PAPER_COLUMNS} FROM paper_edges e JOIN papers p ON p.id = e.cited_id
     WHERE e.citing_id = @paper AND ${VISIBLE_PAPER_SQL}
     ORDER BY p.citation_count DESC, p.id LIMIT @limit`,
  );
  const scope = (extra: string | null = null) =>
    scopeParams({ studyId, before: earlierCutoff(before, extra) });
  const toPaper = (r: ChainPaper & { score?: number }): ChainPaper => ({
    id: r.id,
    title: r.title,
    abstract: r.abstract,
    year: r.year,
    date: r.date,
    citationCount: r.citationCount,
  });
  const read = <T>(fn: () => T) => withDbErrors(fn, { action: "reading the literature for a chain" });

  return {
    async search(query, { before: searchBefore, limit }) {
      const match = toFtsQuery(query);
      if (!match || limit < 1) return [];
      return read(() =>
        (searchStmt.all({ ...scope(searchBefore), match, limit }) as ChainPaper[]).map(toPaper),
      );
    },
    async getPaper(id) {
      const row = read(() => getStmt.get({ ...scope(), paper: id }) as ChainPaper | undefined);
      return row ? toPaper(row) : null;
    },
    async citing(paperId) {
      return read(() =>
        (citingStmt.all({ ...scope(), paper: paperId, limit: MAX_NEIGHBOURS }) as ChainPaper[]).map(toPaper),
      );
    },
    async references(paperId) {
      return read(() =>
        (referencesStmt.all({ ...scope(), paper: paperId, limit: MAX_NEIGHBOURS }) as ChainPaper[]).map(
          toPaper,
        ),
      );
    },
  };
}
