// npm run ideate -- --study ID --topics "Topic A; Topic B" --n N --budget USD [--agent coi]
//   [--condition KEY] [--model M] [--keep best|all] [--k K] [--seed S]
// npm run ideate -- --study ID --resume RUN_ID [--budget USD]
// Starts an ideation run (the same job the Ideation page starts) and processes it in this process,
// printing a progress line per change. --topics takes study topic names separated by ";", or "match"
// for the human ideas' topic mix. Exit codes: 0 every topic finished, 1 some topic failed, 2 bad
// input (nothing written), 3 stopped at the budget (resume with --resume and a higher --budget),
// 130 interrupted (the run is cancelled; resume it later).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getStudySettings } from "@/db/queries/study-settings";
import { AppError } from "@/lib/errors";
import type { StartRunInput } from "@/lib/ideation/run-form";
import { RUN_STATUS_LABELS } from "@/lib/ideation/run-types";
import { getLlmConfig } from "@/server/ai/providers";
import { getRunView } from "@/server/ideation/run-view";
import { cancelIdeationRun, resumeIdeationRun, startIdeationRun } from "@/server/ideation/runs";
import "@/server/jobs/ideation-run";
import { JobRunner } from "@/server/jobs/runner";
import { loadDotEnv } from "./lib/load-env";

export type CliIo = { stdout: (line: string) => void; stderr: (line: string) => void };

const USAGE =
  'Usage: npm run ideate -- --study ID --topics "A; B" --n N --budget USD [--agent coi] [--condition KEY] [--model M] [--keep best|all] [--k K] [--seed S]\n       npm run ideate -- --study ID --resume RUN_ID [--budget USD]';

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new AppError("invalid:args", `--${name} must be a number (got "${value}").`);
  return n;
}

function parse(argv: readonly string[]) {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      study: { type: "string" },
      agent: { type: "string", default: "coi" },
      topics: { type: "string" },
      n: { type: "string" },
      budget: { type: "string" },
      model: { type: "string" },
      condition: { type: "string" },
      keep: { type: "string", default: "best" },
      k: { type: "string" },
      seed: { type: "string" },
      resume: { type: "string" },
    },
    strict: true,
  });
  if (!values.study) throw new AppError("invalid:args", `Missing --study.\n${USAGE}`);
  return values;
}

function startInput(studyId: string, v: ReturnType<typeof parse>): StartRunInput {
  if (!v.topics) throw new AppError("invalid:args", `Missing --topics.\n${USAGE}`);
  const { topics } = getStudySettings({ studyId });
  const match = v.topics.trim().toLowerCase() === "match";
  const names = match
    ? []
    : v.topics
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
  const topicIds = names.map((name) => {
    const t = topics.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t)
      throw new AppError(
        "invalid:args",
        `--topics: the study has no topic "${name}". Its topics: ${topics.map((x) => `"${x.name}"`).join(", ") || "none"}.`,
      );
    return t.id;
  });
  const k = number("k", v.k);
  return {
    agents: [
      {
        agent: v.agent as StartRunInput["agents"][number]["agent"],
        conditionKey: v.condition ?? (v.agent === "coi" ? "CoI" : (v.agent ?? "")),
        params: k === undefined ? {} : { k },
      },
    ],
    topicMode: match ? "match" : "chosen",
    topicIds,
    n: number("n", v.n) ?? Number.NaN,
    model: v.model ?? getLlmConfig().model ?? "",
    budgetUsd: number("budget", v.budget) ?? Number.NaN,
    keep: v.keep as StartRunInput["keep"],
    seed: number("seed", v.seed),
  };
}

function progressLine(studyId: string, runId: string): string {
  const view = getRunView({ studyId, runId });
  const finished = view.items.filter((i) => i.finished).length;
  const current = view.items
    .filter((i) => !i.finished && i.stages.length > 0)
    .map((i) => {
      const last = i.stages.at(-1);
      return `${i.topicName}: ${last?.stage} ${last?.done}/${last?.total}`;
    });
  return `[${RUN_STATUS_LABELS[view.status]}] ${finished}/${view.items.length} topics · ${view.ideas.length} ideas · $${view.costs.total.costUsd.toFixed(4)} of $${view.run.budgetUsd.toFixed(2)} · ${view.costs.total.calls} calls${current.length ? ` · ${current.join("; ")}` : ""}`;
}

/** The whole command in-process; resolves to the exit code. */
export async function runIdeateCli(
  argv: readonly string[],
  io: CliIo,
  { signal }: { signal?: AbortSignal } = {},
): Promise<number> {
  let studyId: string;
  let runId: string;
  try {
    const v = parse(argv);
    studyId = v.study as string;
    migrateDatabase(getDb());
    const run = v.resume
      ? await resumeIdeationRun({
          studyId,
          runId: v.resume,
          actorId: null,
          budgetUsd: number("budget", v.budget),
        })
      : await startIdeationRun({ studyId, actorId: null, input: startInput(studyId, v) });
    runId = run.id;
    io.stdout(`Run ${runId} ${v.resume ? "resumed" : "started"} in study ${studyId}.`);
  } catch (e) {
    if (e instanceof AppError && e.type !== "internal") {
      const fields = Object.entries(e.fieldErrors ?? {}).map(([k, m]) => `  ${k}: ${m.join(" ")}`);
      io.stderr([e.message, ...fields].join("\n"));
      return 2;
    }
    if (e instanceof TypeError && String(e.message).includes("Unknown option")) {
      io.stderr(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  const runner = new JobRunner({ concurrency: 2, pollIntervalMs: 200 });
  let last = "";
  const print = () => {
    const line = progressLine(studyId, runId);
    if (line !== last) io.stdout(line);
    last = line;
  };
  const unsubscribe = runner.subscribe(print);
  const ticker = setInterval(print, 2000);
  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
    cancelIdeationRun({ studyId, runId });
    runner.wake();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    await runner.runUntilIdle();
  } finally {
    clearInterval(ticker);
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
    await runner.stop();
  }
  print();
  const view = getRunView({ studyId, runId });
  for (const i of view.items.filter((x) => x.error))
    io.stderr(`${i.agentLabel} on "${i.topicName}" failed: ${i.error}`);
  if (interrupted || view.status === "cancelled") {
    io.stderr(`Cancelled. Resume with: npm run ideate -- --study ${studyId} --resume ${runId}`);
    return 130;
  }
  if (view.status === "paused_at_budget") {
    io.stderr(
      `Stopped at the budget. Resume with: npm run ideate -- --study ${studyId} --resume ${runId} --budget <more>`,
    );
    return 3;
  }
  return view.status === "done" ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  loadDotEnv();
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  runIdeateCli(
    process.argv.slice(2),
    { stdout: console.log, stderr: console.error },
    { signal: controller.signal },
  )
    .then((code) => process.exit(code))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
}
