// npm run bench:chain -- [--db PATH] [--corpus path/to/aan_corpus.jsonl.gz]
// The spec's goal "a chain from the local store, LLM calls excluded, < 200 ms", measured end to end
// over the SQLite store (createStudyPaperStore: FTS5 search, edges, visibility SQL) loaded with the
// AAN development corpus (18,041 papers, 82,898 citations; not part of the product, hence in no test).
// The model is the mock provider's model called directly; the time spent inside its calls is
// measured and subtracted. Without --db, a temporary database is made and the corpus imported into it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { importCorpusFile } from "@/db/queries/literature/import";
import { createStudyPaperStore } from "@/db/queries/literature/paper-store";
import { buildChains } from "@/lib/chains/build";
import { createLlmSteps } from "@/lib/chains/llm-steps";
import type { LlmSteps } from "@/lib/chains/types";
import { createMockModel } from "@/server/ai/mock-model";

const TOPICS = [
  "statistical machine translation word alignment",
  "dependency parsing",
  "sentiment analysis of reviews",
  "named entity recognition",
  "text summarization",
];

/** The mock model's chain steps, with the time spent inside the model summed in `llmMs`. */
function timedMockSteps(): { steps: LlmSteps; llmMs: { total: number }; calls: { n: number } } {
  const model = createMockModel();
  const llmMs = { total: 0 };
  const calls = { n: 0 };
  const steps = createLlmSteps(async ({ system, prompt }) => {
    const start = performance.now();
    const r = await model.doGenerate({
      prompt: [
        { role: "system", content: system },
        { role: "user", content: [{ type: "text", text: prompt }] },
      ],
      responseFormat: { type: "json" },
    });
    const text = r.content.map((c) => ("text" in c ? c.text : "")).join("");
    llmMs.total += performance.now() - start;
    calls.n += 1;
    return text;
  });
  return { steps, llmMs, calls };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      corpus: { type: "string", default: "../shared/data/aan/aan_corpus.jsonl.gz" },
      runs: { type: "string", default: "3" },
    },
  });
  const temp = values.db ? null : mkdtempSync(join(tmpdir(), "bench-chain-"));
  process.env.DATABASE_PATH = values.db ?? join(temp as string, "bench.db");
  try {
    migrateDatabase(getDb());
    const count = (getDb().$client.prepare("SELECT count(*) AS n FROM papers").get() as { n: number }).n;
    if (count === 0) {
      const start = performance.now();
      const r = importCorpusFile({
        name: basename(values.corpus),
        bytes: readFileSync(values.corpus),
        studyId: null,
      });
      console.log(
        `imported ${r.papers} papers, ${r.edgesAdded} edges in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
    }
    const papers = (getDb().$client.prepare("SELECT count(*) AS n FROM papers").get() as { n: number }).n;
    const edges = (getDb().$client.prepare("SELECT count(*) AS n FROM paper_edges").get() as { n: number }).n;
    const store = createStudyPaperStore({ studyId: null, before: null });
    const excluded: number[] = [];
    const total: number[] = [];
    let nodes = 0;
    let llmCalls = 0;
    for (const topic of TOPICS) {
      for (let run = 0; run < Number(values.runs); run += 1) {
        const { steps, llmMs, calls } = timedMockSteps();
        const start = performance.now();
        const result = await buildChains({
          topic,
          store,
          llm: steps,
          options: { k: 3, before: "2008-01-01", seed: 1 },
        });
        const ms = performance.now() - start;
        total.push(ms);
        excluded.push(ms - llmMs.total);
        if (run === 0) {
          nodes += result.chains.reduce((s, c) => s + c.nodes.length, 0);
          llmCalls += calls.n;
        }
      }
    }
    excluded.sort((a, b) => a - b);
    total.sort((a, b) => a - b);
    console.log(
      `chains from the SQLite store, AAN (${papers} papers, ${edges} edges), mock model, K = 3, before 2008-01-01:`,
    );
    console.log(
      `LLM time excluded: median ${pct(excluded, 0.5).toFixed(1)} ms, p90 ${pct(excluded, 0.9).toFixed(1)} ms, max ${excluded.at(-1)?.toFixed(1)} ms (goal < 200 ms)`,
    );
    console.log(
      `with the mock model's own time: median ${pct(total, 0.5).toFixed(1)} ms, max ${total.at(-1)?.toFixed(1)} ms; ${total.length} builds of ${TOPICS.length} topics, ${nodes} nodes, ${llmCalls} model calls per round`,
    );
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

void main();
