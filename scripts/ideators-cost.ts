// npm run ideators:cost -- [corpus.jsonl(.gz)] [--n 2] [--seeds 200]
// Cost per kept idea for the overgenerate–dedup–rank, RAG and direct agents from one mock run
// (LLM_PROVIDER=mock) on a throwaway database: per agent, ideas kept, calls, input/output tokens, and
// cost per kept idea at the price table's list prices for gpt-4o-mini and gpt-4o (every call of the
// agent, discarded seeds and candidates included, over the ideas it kept). The mock model's token
// counts are its estimate of the text it reads and writes: an order of magnitude, not a bill.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ideators-cost-"));
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
  const { startIdeationRun } = await import("@/server/ideation/runs");
  const { listAgentComparison } = await import("@/server/ideation/compare-view");
  const { JobRunner } = await import("@/server/jobs/runner");
  await import("@/server/jobs/ideation-run");

  const { values, positionals } = parseArgs({
    options: { n: { type: "string", default: "2" }, seeds: { type: "string", default: "200" } },
    allowPositionals: true,
  });
  const corpusPath =
    positionals[0] ?? new URL("../e2e/fixtures/literature-corpus.jsonl", import.meta.url).pathname;
  const TOPICS = ["Neural machine translation with attention", "Dependency parsing"];
  const MODELS = ["gpt-4o-mini", "gpt-4o"] as const;

  try {
    migrateDatabase(getDb());
    const organizer = makeUser({ name: "Cost organizer" });
    const study = makeStudy({ organizer, title: "Ideators cost" });
    const topics = replaceTopics({
      studyId: study.id,
      actorId: organizer.id,
      items: TOPICS.map((name) => ({ name })),
    });
    advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
    const imported = importCorpusFile({
      name: basename(corpusPath),
      bytes: readFileSync(corpusPath),
      studyId: null,
    });
    await startIdeationRun({
      studyId: study.id,
      actorId: organizer.id,
      input: {
        agents: [
          { agent: "overgenerate", conditionKey: "ODR", params: { seedsPerTopic: Number(values.seeds) } },
          { agent: "rag", conditionKey: "RAG", params: {} },
          { agent: "direct", conditionKey: "Direct", params: {} },
        ],
        topicMode: "chosen",
        topicIds: topics.map((t) => t.id),
        n: Number(values.n),
        model: "gpt-4o-mini",
        budgetUsd: 100,
      },
    });
    const started = performance.now();
    await new JobRunner({ concurrency: 2, pollIntervalMs: 20 }).runUntilIdle();
    console.log(
      `Corpus ${basename(corpusPath)} (${imported.papers} papers); ${TOPICS.length} topics × n=${values.n}; overgenerate with ${values.seeds} seeds per topic; ${((performance.now() - started) / 1000).toFixed(1)} s wall (mock model, machine under load).`,
    );
    const price = (m: (typeof MODELS)[number], tin: number, tout: number) =>
      estimateCostUsd({ price: DEFAULT_MODEL_PRICES[m], inputTokens: tin, outputTokens: tout }) ?? 0;
    const header = [
      "agent",
      "ideas",
      "seeds",
      "unique",
      "calls/idea",
      "in tok/idea",
      "out tok/idea",
      ...MODELS.map((m) => `$/idea ${m}`),
    ];
    const rows = listAgentComparison({ studyId: study.id }).map((r) => {
      const k = Math.max(1, r.ideas);
      return [
        r.agent,
        String(r.ideas),
        r.seeds === null ? "—" : String(r.seeds),
        r.uniqueRate === null ? "—" : `${(100 * r.uniqueRate).toFixed(1)}%`,
        (r.calls / k).toFixed(1),
        (r.tokensIn / k).toFixed(0),
        (r.tokensOut / k).toFixed(0),
        ...MODELS.map((m) => price(m, r.tokensIn / k, r.tokensOut / k).toFixed(5)),
      ];
    });
    const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    for (const r of [header, ...rows])
      console.log(r.map((c, i) => String(c).padStart(width[i] ?? 0)).join("  "));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
