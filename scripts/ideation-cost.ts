// npm run ideation:cost -- [corpus.jsonl(.gz)] [--n 2] [--k 3]
// Cost of a Chain-of-Ideas idea from a mock run (LLM_PROVIDER=mock) on a throwaway database: calls
// and input/output tokens per kept idea per stage (cost.ts's definition: own calls plus an equal share
// of the topic's shared and discarded calls), priced at the price table's list prices for gpt-4o-mini
// and gpt-4o; then the same run again, which must cost $0 (every call cached). The mock model's token
// counts are its own estimate of the text it reads and writes, so the figures are an order of
// magnitude, not a bill. Default corpus: the e2e fixture; pass the AAN corpus for realistic chains.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ideation-cost-"));
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
  const { getRunView } = await import("@/server/ideation/run-view");
  const { JobRunner } = await import("@/server/jobs/runner");
  await import("@/server/jobs/ideation-run");

  const { values, positionals } = parseArgs({
    options: { n: { type: "string", default: "2" }, k: { type: "string", default: "3" } },
    allowPositionals: true,
  });
  const corpusPath =
    positionals[0] ?? new URL("../e2e/fixtures/literature-corpus.jsonl", import.meta.url).pathname;
  const TOPICS = ["Neural machine translation with attention", "Dependency parsing"];
  const MODELS = ["gpt-4o-mini", "gpt-4o"] as const;

  try {
    migrateDatabase(getDb());
    const organizer = makeUser({ name: "Cost organizer" });
    const study = makeStudy({ organizer, title: "Ideation cost" });
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
    const input = {
      agents: [{ agent: "coi" as const, conditionKey: "CoI", params: { k: Number(values.k) } }],
      topicMode: "chosen" as const,
      topicIds: topics.map((t) => t.id),
      n: Number(values.n),
      model: "gpt-4o-mini",
      budgetUsd: 100,
    };
    const runOnce = async () => {
      const run = await startIdeationRun({ studyId: study.id, actorId: organizer.id, input });
      const started = performance.now();
      await new JobRunner({ concurrency: 2, pollIntervalMs: 20 }).runUntilIdle();
      return { view: getRunView({ studyId: study.id, runId: run.id }), ms: performance.now() - started };
    };

    const first = await runOnce();
    const { costs, ideas } = first.view;
    console.log(
      `Corpus ${basename(corpusPath)} (${imported.papers} papers); ${TOPICS.length} topics × n=${values.n}, K=${values.k}: ${ideas.length} ideas kept, ${costs.total.calls} calls, status ${first.view.status}, ${(first.ms / 1000).toFixed(1)} s wall (mock model, machine under load).`,
    );
    const stages = [...new Set(costs.ideas.flatMap((i) => Object.keys(i.byStage)))];
    const per = (stage: string, key: "calls" | "tokensIn" | "tokensOut") =>
      costs.ideas.reduce((s, i) => s + (i.byStage[stage]?.[key] ?? 0), 0) / Math.max(1, costs.ideas.length);
    const price = (model: (typeof MODELS)[number], tin: number, tout: number) =>
      estimateCostUsd({ price: DEFAULT_MODEL_PRICES[model], inputTokens: tin, outputTokens: tout }) ?? 0;
    const rows = stages.map((stage) => {
      const tin = per(stage, "tokensIn");
      const tout = per(stage, "tokensOut");
      return [
        stage,
        per(stage, "calls").toFixed(2),
        tin.toFixed(0),
        tout.toFixed(0),
        ...MODELS.map((m) => price(m, tin, tout).toFixed(5)),
      ];
    });
    const tin = rows.reduce((s, r) => s + Number(r[2]), 0);
    const tout = rows.reduce((s, r) => s + Number(r[3]), 0);
    rows.push([
      "TOTAL per idea",
      rows.reduce((s, r) => s + Number(r[1]), 0).toFixed(2),
      tin.toFixed(0),
      tout.toFixed(0),
      ...MODELS.map((m) => price(m, tin, tout).toFixed(5)),
    ]);
    const header = ["stage", "calls/idea", "in tok/idea", "out tok/idea", ...MODELS.map((m) => `$ ${m}`)];
    const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    for (const r of [header, ...rows])
      console.log(r.map((c, i) => String(c).padStart(width[i] ?? 0)).join("  "));
    console.log(`Run total at gpt-4o-mini list prices (from llm_calls): $${costs.total.costUsd.toFixed(5)}`);

    const again = await runOnce();
    console.log(
      `Same run again: $${again.view.costs.total.costUsd.toFixed(5)} for ${again.view.costs.total.calls} calls, ${again.view.costs.total.cached} cached, ${(again.ms / 1000).toFixed(1)} s.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
