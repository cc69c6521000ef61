// npm run chain -- --topic "…" [--study ID] [--before YYYY-MM-DD] [--seed 1] [--k 3] [--offline] [--json]
// Builds chains for a topic from the literature store (and the connectors unless offline) with the
// configured model (LLM_PROVIDER=mock works; none: keywords alone) and prints them, nodes oldest
// first with paper id, title, year, direction and the reason each was chosen. Exit 0 built, 1 failed,
// 2 bad flags (the message names the flag).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getStudyForLiterature } from "@/db/queries/literature/studies";
import { AppError } from "@/lib/errors";
import { buildStudyChains } from "@/server/chains/build-study-chains";
import { chainLlmSteps } from "@/server/chains/chain-llm";
import { loadDotEnv } from "./lib/load-env";

const USAGE =
  'Usage: npm run chain -- --topic "…" [--study ID] [--before YYYY-MM-DD] [--seed 1] [--k 3] [--offline] [--json]';

export type ChainCliResult = { code: 0 | 1 | 2; stdout: string; stderr: string };

class BadFlag extends Error {}

const OPTIONS = {
  topic: { type: "string" },
  study: { type: "string" },
  before: { type: "string" },
  seed: { type: "string", default: "1" },
  k: { type: "string", default: "3" },
  offline: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

function parse(argv: string[]) {
  let values: ReturnType<
    typeof parseArgs<{ args: string[]; strict: true; options: typeof OPTIONS }>
  >["values"];
  try {
    values = parseArgs({ args: argv, strict: true, options: OPTIONS }).values;
  } catch (e) {
    // Node's message names the flag ("Unknown option '--x'", "Option '--topic <value>' argument missing").
    throw new BadFlag(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  const topic = values.topic?.trim();
  if (!topic) throw new BadFlag(`--topic is required.\n${USAGE}`);
  const before = values.before ?? null;
  if (before !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(before) || Number.isNaN(Date.parse(before))))
    throw new BadFlag(`--before must be a date written YYYY-MM-DD, got "${before}".`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new BadFlag(`--seed must be a whole number ≥ 0, got "${values.seed}".`);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 10)
    throw new BadFlag(`--k must be a whole number from 1 to 10, got "${values.k}".`);
  return { topic, study: values.study ?? null, before, seed, k, offline: values.offline, json: values.json };
}

export async function runChainCli(argv: string[]): Promise<ChainCliResult> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    if (e instanceof BadFlag) return { code: 2, stdout: "", stderr: `${e.message}\n` };
    throw e;
  }
  try {
    migrateDatabase(getDb());
    if (args.study && !getStudyForLiterature({ studyId: args.study }))
      return { code: 2, stdout: "", stderr: `--study: no study ${args.study}.\n` };
    const result = await buildStudyChains({
      studyId: args.study,
      topic: args.topic,
      options: { before: args.before, seed: args.seed, k: args.k },
      llm: chainLlmSteps({ studyId: args.study, seed: args.seed }),
      offline: args.offline,
    });
    const chains = result.chains.map((c) => ({
      anchorId: c.anchorId,
      nodes: c.nodes.map((n) => ({
        paperId: n.paperId,
        title: n.title,
        year: n.year,
        direction: n.direction,
        reason: n.reason,
      })),
    }));
    if (args.json) {
      const out = {
        topic: args.topic,
        study: args.study,
        before: args.before,
        queries: result.queries,
        chains,
      };
      return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: "" };
    }
    const lines = chains.flatMap((c, i) => [
      `Chain ${i + 1}:`,
      ...c.nodes.map(
        (n) => `  ${n.year ?? "----"}  ${n.direction.padEnd(8)}  ${n.title}  [${n.paperId}]  — ${n.reason}`,
      ),
    ]);
    return {
      code: 0,
      stdout: `${lines.join("\n")}\n`,
      stderr: `${chains.length} chains for "${args.topic}" (queries: ${result.queries.join("; ")})\n`,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      code: e instanceof AppError && e.type === "invalid" ? 2 : 1,
      stdout: "",
      stderr: `${message}\n`,
    };
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  loadDotEnv();
  runChainCli(process.argv.slice(2)).then((r) => {
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  });
}
