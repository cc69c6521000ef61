import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getJobProgress } from "@/db/queries/jobs";
import { countPapersWithoutEmbedding } from "@/db/queries/literature/embeddings";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { resetEnvForTests } from "@/lib/env";
import { paper } from "@/lib/literature/test-papers";
import { JobRunner } from "@/server/jobs/runner";
import { embeddingStatus } from "@/server/literature/embeddings";
import { searchLiterature } from "@/server/literature/search";
import { EMBED_BATCH_SIZE, startEmbeddingPapers } from "./embed-papers";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  vi.stubEnv("LLM_PROVIDER", "mock");
  vi.stubEnv("LLM_EMBEDDING_MODEL", "");
  resetEnvForTests();
  db = resetTestDb();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

const topical = ["graph neural networks", "graph partitioning", "protein folding", "speech synthesis"];
// Enough filler for more than one batch, so the job has several items.
const corpus = [
  ...topical.map((t, i) => paper({ importId: `t${i}`, title: t, abstract: `${t} study`, year: 2000 + i })),
  ...Array.from({ length: EMBED_BATCH_SIZE }, (_, i) =>
    paper({ importId: `f${i}`, title: `filler paper ${i}`, abstract: `about topic ${i}`, year: 2010 }),
  ),
];

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe("embed-papers job on the mock provider", () => {
  it("stores embeddings batch by batch, logs usage, skips embedded papers, and makes search hybrid", async () => {
    const organizer = makeUser({ email: "org@example.org" });
    const study = makeStudy({ organizer });
    upsertCorpus({ corpus: { papers: corpus, edges: [], unresolved: [] }, studyId: study.id });

    const before = embeddingStatus({ studyId: study.id });
    expect(before).toMatchObject({ configured: true, model: "mock-embedding", embedded: 0 });
    expect(before.embedQuery).toBeUndefined();
    const bm25 = await searchLiterature({
      query: "graph neural",
      studyId: study.id,
      embedQuery: before.embedQuery,
    });
    expect(bm25.mode).toBe("bm25");
    expect(bm25.hits.every((h) => h.bm25Rank !== null)).toBe(true);

    const job = await startEmbeddingPapers({ studyId: study.id, actorId: organizer.id });
    await expect(startEmbeddingPapers({ studyId: study.id, actorId: organizer.id })).rejects.toThrow(
      "already being computed",
    );
    const runner = new JobRunner({ concurrency: 2, pollIntervalMs: 5 });
    await runner.runUntilIdle();
    await runner.stop();

    const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })!;
    expect(progress.job.status).toBe("completed");
    expect(progress.total).toBe(2);
    expect(progress.items?.map((i) => i.output)).toEqual([
      { embedded: EMBED_BATCH_SIZE },
      { embedded: corpus.length - EMBED_BATCH_SIZE },
    ]);
    expect(count("SELECT count(*) AS n FROM paper_embeddings WHERE model = 'mock-embedding'")).toBe(
      corpus.length,
    );
    expect(countPapersWithoutEmbedding({ model: "mock-embedding", studyId: study.id })).toBe(0);
    // One llm_calls row per embedMany batch, with the mock's token count.
    expect(
      db.$client
        .prepare(
          "SELECT purpose, provider, model, input_tokens > 0 AS tokens, job_id FROM llm_calls ORDER BY created_at",
        )
        .all(),
    ).toEqual([
      { purpose: "embedding", provider: "mock", model: "mock-embedding", tokens: 1, job_id: job.id },
      { purpose: "embedding", provider: "mock", model: "mock-embedding", tokens: 1, job_id: job.id },
    ]);
    // Nothing is left to embed, so a second job is refused rather than paying again.
    await expect(startEmbeddingPapers({ studyId: study.id, actorId: organizer.id })).rejects.toThrow(
      "Every paper already has a mock-embedding embedding",
    );

    const after = embeddingStatus({ studyId: study.id });
    expect(after.embedded).toBe(corpus.length);
    const hybrid = await searchLiterature({
      query: "graph neural",
      studyId: study.id,
      embedQuery: after.embedQuery,
    });
    expect(hybrid.mode).toBe("hybrid");
    expect(hybrid.hits[0]?.title).toBe("graph neural networks");
    expect(hybrid.hits[0]?.vectorRank).toBe(1);
    // The vector side brings in papers BM25 alone never returns.
    expect(hybrid.hits.some((h) => h.bm25Rank === null && h.vectorRank !== null)).toBe(true);
  });

  it("embeds only the papers added since the last run", async () => {
    const organizer = makeUser({ email: "org@example.org" });
    const study = makeStudy({ organizer });
    upsertCorpus({ corpus: { papers: corpus.slice(0, 3), edges: [], unresolved: [] }, studyId: study.id });
    await startEmbeddingPapers({ studyId: study.id, actorId: organizer.id });
    await new JobRunner({ concurrency: 1, pollIntervalMs: 5 }).runUntilIdle();
    const first = db.$client
      .prepare("SELECT paper_id, created_at FROM paper_embeddings ORDER BY paper_id")
      .all();

    upsertCorpus({ corpus: { papers: corpus.slice(3, 5), edges: [], unresolved: [] }, studyId: study.id });
    const job = await startEmbeddingPapers({ studyId: study.id, actorId: organizer.id });
    await new JobRunner({ concurrency: 1, pollIntervalMs: 5 }).runUntilIdle();
    expect(
      getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true })?.items?.[0]?.output,
    ).toEqual({ embedded: 2 });
    expect(count("SELECT count(*) AS n FROM paper_embeddings")).toBe(5);
    // The first three vectors were not rewritten.
    const kept = db.$client
      .prepare("SELECT paper_id, created_at FROM paper_embeddings ORDER BY paper_id")
      .all();
    for (const row of first) expect(kept).toContainEqual(row);
  });

  it("is refused with setup instructions when the provider has no embedding model", async () => {
    vi.stubEnv("LLM_PROVIDER", "anthropic");
    vi.stubEnv("ANTHROPIC_API_KEY", "sk-test");
    resetEnvForTests();
    const organizer = makeUser({ email: "org@example.org" });
    const study = makeStudy({ organizer });
    expect(embeddingStatus({ studyId: study.id })).toMatchObject({ configured: false, model: null });
    await expect(startEmbeddingPapers({ studyId: study.id, actorId: organizer.id })).rejects.toThrow(
      "Anthropic has none",
    );
  });
});
