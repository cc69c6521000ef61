import "server-only";
import { getDb } from "../../client";
import { FILTER_SQL, VISIBLE_PAPER_SQL } from "./visibility";

// Vectors are Float32 blobs of unit length; the cosine is computed in lib/literature/rank.ts.

export function vectorToBlob(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function blobToVector(b: Buffer): Float32Array {
  // Copy: the driver's buffer may not be 4-byte aligned.
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

type Where = { study: string | null; before: string | null } & Record<string, unknown>;

/** The stored vectors of one model among the papers `where` lets the caller see (scope, cut-off, filters). */
export function* loadEmbeddings({ model, where }: { model: string; where: Where }) {
  const stmt = getDb().$client.prepare(
    `SELECT e.paper_id AS id, e.vector FROM paper_embeddings e JOIN papers p ON p.id = e.paper_id
     WHERE e.model = @model AND ${VISIBLE_PAPER_SQL} ${FILTER_SQL}`,
  );
  for (const row of stmt.iterate({ ...where, model }) as Iterable<{ id: string; vector: Buffer }>) {
    yield { id: row.id, vector: blobToVector(row.vector) };
  }
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

export function countEmbeddings({ model }: { model: string }): number {
  return (
    getDb().$client.prepare("SELECT count(*) AS n FROM paper_embeddings WHERE model = ?").get(model) as {
      n: number;
    }
  ).n;
}
