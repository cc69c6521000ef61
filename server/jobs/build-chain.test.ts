import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { displayStatus, getChain } from "@/db/queries/chains";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { getReadings } from "@/db/queries/literature/readings";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { resetEnvForTests } from "@/lib/env";
import { paper } from "@/lib/literature/test-papers";
import { defaultStoredOptions, startChainBuild } from "@/server/chains/start-chain-build";
import { cancelJob, JobRunner } from "@/server/jobs/runner";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  vi.stubEnv("LLM_PROVIDER", "mock");
  vi.stubEnv("LITERATURE_OFFLINE", "true");
  resetEnvForTests();
  db = resetTestDb();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function seed() {
  const organizer = makeUser();
  const study = makeStudy({ organizer });
  const { ids } = upsertCorpus({
    corpus: {
      papers: [
        paper({ importId: "a", title: "Parsing basics", abstract: "Grammars for parsing.", year: 1990 }),
        paper({ importId: "b", title: "Parsing with counts", abstract: "Statistical parsing.", year: 2000 }),
        paper({ importId: "c", title: "Neural parsing", abstract: "Neural networks parse.", year: 2010 }),
        paper({ importId: "d", title: "Parsing at scale", abstract: "Larger parsers.", year: 2020 }),
      ],
      edges: [
        { citing: 1, cited: 0 },
        { citing: 2, cited: 1 },
        { citing: 3, cited: 2 },
      ],
      unresolved: [],
    },
    studyId: study.id,
  });
  return { organizer, study, ids };
}

const llmCalls = (purpose: string) =>
  (
    db.$client
      .prepare("SELECT count(*) AS n FROM llm_calls WHERE purpose = ? AND cached = 0")
      .get(purpose) as {
      n: number;
    }
  ).n;

describe("build-chain job", () => {
  it("builds the chain with the mock model, reads every node once, and stores the result", async () => {
    const { organizer, study, ids } = seed();
    const options = { ...defaultStoredOptions(), k: 1 };
    const chain = await startChainBuild({
      studyId: study.id,
      topic: "neural parsing",
      topicId: null,
      options,
      actorId: organizer.id,
    });
    expect(getChain({ studyId: study.id, chainId: chain.id })?.status).toBe("queued");
    const runner = new JobRunner({ concurrency: 1, pollIntervalMs: 5 });
    await runner.runUntilIdle();
    const done = getChain({ studyId: study.id, chainId: chain.id });
    expect(done).toMatchObject({ status: "done", readingModel: "mock", jobStatus: "completed" });
    const nodes = done?.result?.chains[0]?.nodes ?? [];
    expect(nodes.map((n) => n.paperId)).toEqual(ids);
    expect(nodes.map((n) => n.direction)).toContain("anchor");
    expect(done?.progress).toMatchObject({ stage: "reading", read: 4, toRead: 4 });
    expect(getReadings({ paperIds: ids, model: "mock" }).size).toBe(4);
    expect(llmCalls("read-paper")).toBe(4);
    expect(llmCalls("chain-queries")).toBe(1);

    // A rebuild reads nothing again: readings are cached per paper and model.
    await startChainBuild({
      studyId: study.id,
      topic: "neural parsing",
      topicId: null,
      options,
      actorId: organizer.id,
    });
    await runner.runUntilIdle();
    await runner.stop();
    expect(llmCalls("read-paper")).toBe(4);
  });

  it("a chain cancelled before it runs shows as cancelled, and another study cannot see it", async () => {
    const { organizer, study } = seed();
    const other = makeStudy({ organizer, title: "Other" });
    const chain = await startChainBuild({
      studyId: study.id,
      topic: "neural parsing",
      topicId: null,
      options: defaultStoredOptions(),
      actorId: organizer.id,
    });
    cancelJob({ jobId: chain.jobId as string });
    const view = getChain({ studyId: study.id, chainId: chain.id });
    expect(view && displayStatus(view)).toBe("cancelled");
    expect(getChain({ studyId: other.id, chainId: chain.id })).toBeNull();
  });

  it("a build cancelled while the model is answering stops and shows as cancelled", async () => {
    const { organizer, study } = seed();
    // The mock model sleeps on MOCK_SLOW_MS (checking the abort signal), so the build is mid-call.
    const chain = await startChainBuild({
      studyId: study.id,
      topic: "neural parsing MOCK_SLOW_MS=5000",
      topicId: null,
      options: defaultStoredOptions(),
      actorId: organizer.id,
    });
    const runner = new JobRunner({ concurrency: 1, pollIntervalMs: 5 });
    const running = runner.runUntilIdle();
    await vi.waitFor(() =>
      expect(getChain({ studyId: study.id, chainId: chain.id })?.status).toBe("running"),
    );
    cancelJob({ jobId: chain.jobId as string });
    await running;
    await runner.stop();
    expect(getChain({ studyId: study.id, chainId: chain.id })).toMatchObject({
      status: "cancelled",
      jobStatus: "cancelled",
      result: null,
    });
  });

  it("refuses an empty topic, naming the field", async () => {
    const { organizer, study } = seed();
    await expect(
      startChainBuild({
        studyId: study.id,
        topic: "  ",
        topicId: null,
        options: defaultStoredOptions(),
        actorId: organizer.id,
      }),
    ).rejects.toMatchObject({ fieldErrors: { topic: ["Enter a topic."] } });
  });
});
