// npm run ideation:cost -- [corpus.jsonl(.gz)] [--n 2] [--k 3]
// Cost of a Chain-of-Ideas idea from a mock run (LLM_PROVIDER=mock) on a throwaway database: calls
// and input/output tokens per kept idea per stage (cost.ts's definition: own calls plus an equal share
// of the topic's shared and discarded calls), priced at the price table's list prices for gpt-4o-mini
// and gpt-4o; then the same run again, which must cost $0 (every call cached). The mock model's token
// counts are its own estimate of the text it reads and writes, so the figures are an order of
// magnitude, not a bill. Default corpus: the e2e fixture; pass the AAN corpus for realistic chains.
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
    options: { n: { type: "string", default: "2" }, k: { type: "string", default: "3" } },
    allowPositionals: true,
  });
  const lab = await openMockCostStudy({ title: "Ideation cost", corpusPath: costCorpusPath(positionals[0]) });
  const { startIdeationRun } = await import("@/server/ideation/runs");
  const { getRunView } = await import("@/server/ideation/run-view");
  const { study, organizer, topics, price } = lab;

  try {
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
      const ms = await lab.runJobs();
      return { view: getRunView({ studyId: study.id, runId: run.id }), ms };
    };

    const first = await runOnce();
    const { costs, ideas } = first.view;
    console.log(
      `Corpus ${lab.corpus}; ${COST_TOPICS.length} topics × n=${values.n}, K=${values.k}: ${ideas.length} ideas kept, ${costs.total.calls} calls, status ${first.view.status}, ${(first.ms / 1000).toFixed(1)} s wall (mock model, machine under load).`,
    );
    const stages = [...new Set(costs.ideas.flatMap((i) => Object.keys(i.byStage)))];
    const per = (stage: string, key: "calls" | "tokensIn" | "tokensOut") =>
      costs.ideas.reduce((s, i) => s + (i.byStage[stage]?.[key] ?? 0), 0) / Math.max(1, costs.ideas.length);
    const rows = stages.map((stage) => {
      const tin = per(stage, "tokensIn");
      const tout = per(stage, "tokensOut");
      return [
        stage,
        per(stage, "calls").toFixed(2),
        tin.toFixed(0),
        tout.toFixed(0),
        ...COST_MODELS.map((m) => price(m, tin, tout).toFixed(5)),
      ];
    });
    const tin = rows.reduce((s, r) => s + Number(r[2]), 0);
    const tout = rows.reduce((s, r) => s + Number(r[3]), 0);
    rows.push([
      "TOTAL per idea",
      rows.reduce((s, r) => s + Number(r[1]), 0).toFixed(2),
      tin.toFixed(0),
      tout.toFixed(0),
      ...COST_MODELS.map((m) => price(m, tin, tout).toFixed(5)),
    ]);
    const header = [
      "stage",
      "calls/idea",
      "in tok/idea",
      "out tok/idea",
      ...COST_MODELS.map((m) => `$ ${m}`),
    ];
    printTable(header, rows);
    console.log(`Run total at gpt-4o-mini list prices (from llm_calls): $${costs.total.costUsd.toFixed(5)}`);

    const again = await runOnce();
    console.log(
      `Same run again: $${again.view.costs.total.costUsd.toFixed(5)} for ${again.view.costs.total.calls} calls, ${again.view.costs.total.cached} cached, ${(again.ms / 1000).toFixed(1)} s.`,
    );
  } finally {
    lab.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
