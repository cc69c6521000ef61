// What `npm run ideation:cost` and `npm run ideators:cost` share: a throwaway database with the mock
// model (LLM_PROVIDER=mock, cache on, literature offline), a study in writing with two topics and a
// corpus imported, a job runner to run ideation to the end, list prices, and the table printout.
// App modules are imported only after the environment is set, since the env is read once.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const COST_TOPICS = ["Neural machine translation with attention", "Dependency parsing"];
export const COST_MODELS = ["gpt-4o-mini", "gpt-4o"] as const;
export type CostModel = (typeof COST_MODELS)[number];

/** The e2e literature fixture, unless a corpus path is given. */
export const costCorpusPath = (given: string | undefined) =>
  given ?? new URL("../../e2e/fixtures/literature-corpus.jsonl", import.meta.url).pathname;

export async function openMockCostStudy({ title, corpusPath }: { title: string; corpusPath: string }) {
  const dir = mkdtempSync(join(tmpdir(), "mock-cost-"));
  process.env.DATABASE_PATH = join(dir, "cost.db");
  process.env.LLM_PROVIDER = "mock";
  process.env.LLM_CACHE = "true";
  process.env.LITERATURE_OFFLINE = "true";

  const { getDb } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { importCorpusFile } = await import("@/db/queries/literature/import");
  const { advancePhase, replaceTopics } = await import("@/db/queries/study-setup");
  const { makeStudy, makeUser } = await import("@/db/testing/fixtures");
  const { DEFAULT_MODEL_PRICES, estimateCostUsd } = await import("@/lib/ai/prices");
  const { JobRunner } = await import("@/server/jobs/runner");
  await import("@/server/jobs/ideation-run");

  migrateDatabase(getDb());
  const organizer = makeUser({ name: "Cost organizer" });
  const study = makeStudy({ organizer, title });
  const topics = replaceTopics({
    studyId: study.id,
    actorId: organizer.id,
    items: COST_TOPICS.map((name) => ({ name })),
  });
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const imported = importCorpusFile({
    name: basename(corpusPath),
    bytes: readFileSync(corpusPath),
    studyId: null,
  });
  return {
    study,
    organizer,
    topics,
    corpus: `${basename(corpusPath)} (${imported.papers} papers)`,
    /** Runs every queued job (the ideation run) to the end; resolves to the wall time in ms. */
    async runJobs(): Promise<number> {
      const started = performance.now();
      await new JobRunner({ concurrency: 2, pollIntervalMs: 20 }).runUntilIdle();
      return performance.now() - started;
    },
    /** US dollars at the price table's list price of `model`. */
    price: (model: CostModel, inputTokens: number, outputTokens: number) =>
      estimateCostUsd({ price: DEFAULT_MODEL_PRICES[model], inputTokens, outputTokens }) ?? 0,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Right-aligned columns, one line per row. */
export function printTable(header: string[], rows: string[][]): void {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  for (const r of [header, ...rows])
    console.log(r.map((c, i) => String(c).padStart(width[i] ?? 0)).join("  "));
}
