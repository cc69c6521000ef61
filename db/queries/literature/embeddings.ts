import "server-only";
import { dotRows, topIndices } from "@/lib/literature/rank";
import { getDb } from "../../client";
import { FILTER_SQL, VISIBLE_PAPER_SQL } from "./visibility";

// Vectors are Float32 blobs of unit length, so cosine is a dot product. Reading 18k blobs per query
// costs ~200 ms, so each model's vectors are kept in memory as one matrix, rebuilt when the table's
// stamp (count, latest write) changes; which papers a caller may see is still decided by SQL, on the
// best-scoring ids, batch by batch.

export function vectorToBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

type Matrix = { stamp: string; ids: string[]; data: Float32Array; dims: number };
const matrices = new Map<string, Matrix>();

function getMatrix(model: string, dims: number): Matrix {
  const client = getDb().$client;
  const s = client
    .prepare("SELECT count(*) AS n, max(created_at) AS m FROM paper_embeddings WHERE model = ?")
    .get(model) as { n: number; m: number | null };
  const stamp = `${client.name}:${s.n}:${s.m}:${dims}`;
  const cached = matrices.get(model);
  if (cached?.stamp === stamp) return cached;
  const rows = client
    .prepare("SELECT paper_id AS id, vector FROM paper_embeddings WHERE model = ? AND dimensions = ?")
    .all(model, dims) as { id: string; vector: Buffer }[];
  const data = new Float32Array(rows.length * dims);
  const bytes = new Uint8Array(data.buffer);
  rows.forEach((r, i) => {
    bytes.set(r.vector, i * dims * 4);
  });
  const matrix = { stamp, ids: rows.map((r) => r.id), data, dims };
  matrices.set(model, matrix);
  return matrix;
}

type Where = { study: string | null; before: string | null } & Record<string, unknown>;

/** The k visible papers most similar to a unit query vector, best first. */
export function nearestPapers({
  model,
  query,
  where,
  k,
}: {
  model: string;
  query: Float32Array;
  where: Where;
  k: number;
}): { id: string; score: number }[] {
  const m = getMatrix(model, query.length);
  const scores = dotRows(query, m.data);
  const visible = getDb().$client.prepare(
    `SELECT p.id FROM papers p WHERE p.id IN (SELECT value FROM json_each(@ids)) AND ${VISIBLE_PAPER_SQL} ${FILTER_SQL}`,
  );
  // Widen the candidate pool until k visible papers are found (or every vector was considered).
  const out: { id: string; score: number }[] = [];
  for (let pool = Math.max(k * 2, 200); ; pool *= 4) {
    const order = topIndices(scores, Math.min(pool, scores.length));
    const ids = order.map((i) => m.ids[i] as string);
    const ok = new Set(
      (visible.all({ ...where, ids: JSON.stringify(ids) }) as { id: string }[]).map((r) => r.id),
    );
    out.length = 0;
    for (const i of order) {
      const id = m.ids[i] as string;
      if (ok.has(id) && out.length < k) out.push({ id, score: scores[i] as number });
    }
    if (out.length >= k || order.length >= scores.length) break;
  }
  return out;
}

/** Stores (or replaces) embeddings; returns how many were written. */
export function saveEmbeddings({
  model,
  rows,
  now = Date.now(),
}: {
  model: string;
  rows: { paperId: string; vector: Float32Array }[];
  now?: number;
}): number {
  const client = getDb().$client;
  const stmt = client.prepare(
    `INSERT INTO paper_embeddings (paper_id, model, dimensions, vector, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (paper_id, model) DO UPDATE SET dimensions = excluded.dimensions, vector = excluded.vector, created_at = excluded.created_at`,
  );
  return client.transaction(() => {
    for (const r of rows) stmt.run(r.paperId, model, r.vector.length, vectorToBlob(r.vector), now);
    matrices.delete(model);
    return rows.length;
  })();
}

/** Papers in a scope (and the instance) that have no embedding of this model yet. */
export function listPapersWithoutEmbedding({
  model,
  studyId,
  limit,
}: {
  model: string;
  studyId: string | null;
  limit: number;
}) {
  return getDb()
    .$client.prepare(
      `SELECT p.id, p.title, p.abstract FROM papers p
       WHERE (p.study_id IS NULL OR p.study_id = ?) AND NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model = ?)
       ORDER BY p.seq LIMIT ?`,
    )
    .all(studyId, model, limit) as { id: string; title: string; abstract: string }[];
}

/** Embeddings of this model: all of them, or (with studyId) those of papers in that scope and the instance. */
export function countEmbeddings({ model, studyId }: { model: string; studyId?: string | null }): number {
  const client = getDb().$client;
  const row =
    studyId === undefined
      ? client.prepare("SELECT count(*) AS n FROM paper_embeddings WHERE model = ?").get(model)
      : client
          .prepare(
            `SELECT count(*) AS n FROM paper_embeddings e JOIN papers p ON p.id = e.paper_id
             WHERE e.model = ? AND (p.study_id IS NULL OR p.study_id = ?)`,
          )
          .get(model, studyId);
  return (row as { n: number }).n;
}

/** How many papers in a scope (and the instance) have no embedding of this model yet. */
export function countPapersWithoutEmbedding({ model, studyId }: { model: string; studyId: string | null }) {
  return (
    getDb()
      .$client.prepare(
        `SELECT count(*) AS n FROM papers p
         WHERE (p.study_id IS NULL OR p.study_id = ?) AND NOT EXISTS (SELECT 1 FROM paper_embeddings e WHERE e.paper_id = p.id AND e.model = ?)`,
      )
      .get(studyId, model) as { n: number }
  ).n;
}
