import "server-only";
import { listPapersWithoutEmbedding, saveEmbeddings } from "@/db/queries/literature/embeddings";
import { AppError } from "@/lib/errors";
import { paperEmbeddingText } from "@/lib/literature/mock-embedding";
import { normalizeVector } from "@/lib/literature/rank";

// Computes the missing embeddings of a scope in batches: papers that already have a vector of this
// model are skipped (the store is the cache), each batch is stored before the next is requested, and
// progress is reported per batch. `embed` is the provider call (AI SDK embedMany in production).

export type EmbedBatch = (texts: string[]) => Promise<ArrayLike<number>[]>;

export async function embedMissingPapers({
  model,
  studyId,
  embed,
  batchSize = 64,
  maxPapers = 100_000,
  onProgress,
}: {
  model: string;
  studyId: string | null;
  embed: EmbedBatch;
  batchSize?: number;
  maxPapers?: number;
  onProgress?: (done: number) => void;
}): Promise<{ embedded: number }> {
  let embedded = 0;
  // Bounded: at most maxPapers / batchSize rounds, and a round that stores nothing ends the loop.
  while (embedded < maxPapers) {
    const batch = listPapersWithoutEmbedding({
      model,
      studyId,
      limit: Math.min(batchSize, maxPapers - embedded),
    });
    if (batch.length === 0) break;
    const vectors = await embed(batch.map(paperEmbeddingText));
    if (vectors.length !== batch.length) {
      throw new AppError(
        "unavailable:embedding",
        `The embedding model returned ${vectors.length} vectors for ${batch.length} texts.`,
      );
    }
    const saved = saveEmbeddings({
      model,
      rows: batch.map((p, i) => ({
        paperId: p.id,
        vector: normalizeVector(vectors[i] as ArrayLike<number>),
      })),
    });
    if (saved === 0) break;
    embedded += saved;
    onProgress?.(embedded);
  }
  return { embedded };
}
