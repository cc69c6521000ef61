// npm run ideators:cost -- [corpus.jsonl(.gz)] [--n 2] [--seeds 200]
// Cost per kept idea for the overgenerate–dedup–rank, RAG and direct agents from one mock run
// (LLM_PROVIDER=mock) on a throwaway database: per agent, ideas kept, calls, input/output tokens, and
// cost per kept idea at the price table's list prices for gpt-4o-mini and gpt-4o (every call of the
// agent, discarded seeds and candidates included, over the ideas it kept). The mock model's token
// counts are its estimate of the text it reads and writes: an order of magnitude, not a bill.
import { parseArgs } from "node:util";
import {
  COST_MODELS,
  COST_TOPICS,
  costCorpusPath,
  openMockCostStudy,
  printTable,
} from "./lib/mock-cost-study";

async function main() {
  const { values, positionals } = parseArgs({
    options: { n: { type: "string", default: "2" }, seeds: { type: "string", default: "200" } },
    allowPositionals: true,
  });
  const lab = await openMockCostStudy({ title: "Ideators cost", corpusPath: costCorpusPath(positionals[0]) });
  const { startIdeationRun } = await import("@/server/ideation/runs");
  const { listAgentComparison } = await import("@/server/ideation/compare-view");
  const { study, organizer, topics, price } = lab;

  try {
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
    const ms = await lab.runJobs();
    console.log(
      `Corpus ${lab.corpus}; ${COST_TOPICS.length} topics × n=${values.n}; overgenerate with ${values.seeds} seeds per topic; ${(ms / 1000).toFixed(1)} s wall (mock model, machine under load).`,
    );
    const header = [
      "agent",
      "ideas",
      "seeds",
      "unique",
      "calls/idea",
      "in tok/idea",
      "out tok/idea",
      ...COST_MODELS.map((m) => `$/idea ${m}`),
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
        ...COST_MODELS.map((m) => price(m, r.tokensIn / k, r.tokensOut / k).toFixed(5)),
      ];
    });
    printTable(header, rows);
  } finally {
    lab.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
