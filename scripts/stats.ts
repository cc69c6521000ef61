// npm run stats -- --in reviews.csv --baseline Human [--metrics novelty,excitement,...]
//   [--correction bonferroni|holm|bh] [--family comparison|unit] [--out DIR]
// Writes DIR/significance.csv, significance.tex and significance.md (the paper-style summary),
// topics.csv (per-topic breakdown), descriptives.csv, agreement.csv and mixed-model.R; without
// --out it writes no file and prints the summary as Markdown on stdout.
// Bad input exits 2 with file:line: problem lines and writes nothing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  analyzeReviews,
  CORRECTIONS,
  type Correction,
  FAMILIES,
  type Family,
  findParamProblems,
  formatAgreementCsv,
  formatDescriptivesCsv,
  formatMixedModelScript,
  formatSignificanceCsv,
  formatSignificanceLatex,
  formatSignificanceMarkdown,
  formatTopicsCsv,
  parseTidyReviews,
} from "@/lib/stats";

const USAGE =
  "Usage: npm run stats -- --in reviews.csv --baseline Human [--metrics novelty,excitement,...] [--correction bonferroni|holm|bh] [--family comparison|unit] [--out DIR]";

export type StatsCliResult = { code: number; stdout: string; stderr: string };
export type StatsCliIo = {
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  mkdir: (path: string) => void;
};

const nodeIo: StatsCliIo = {
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, text) => writeFileSync(path, text),
  mkdir: (path) => mkdirSync(path, { recursive: true }),
};

/** Thrown inside runStatsCli only, to leave with exit 2 and these lines on stderr. */
class Refusal extends Error {}

function readArgs(argv: string[]): Map<string, string> {
  const known = new Set(["--in", "--baseline", "--metrics", "--correction", "--family", "--out"]);
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i] as string;
    const value = argv[i + 1];
    if (!known.has(key)) throw new Refusal(`Unknown argument ${key}.\n${USAGE}`);
    if (value === undefined || value.startsWith("--")) throw new Refusal(`${key} needs a value.\n${USAGE}`);
    if (args.has(key)) throw new Refusal(`${key} is given twice.\n${USAGE}`);
    args.set(key, value);
    i += 1;
  }
  for (const key of ["--in", "--baseline"]) {
    if (!args.has(key)) throw new Refusal(`Missing ${key}.\n${USAGE}`);
  }
  return args;
}

function choiceArg<T extends string>(
  args: Map<string, string>,
  key: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = args.get(key);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new Refusal(`${key} must be one of ${choices.join(", ")} (got "${value}").`);
  return value as T;
}

function run(argv: string[], io: StatsCliIo): { stdout: string; stderr: string } {
  const args = readArgs(argv);
  const correction = choiceArg<Correction>(args, "--correction", CORRECTIONS, "bonferroni");
  const family = choiceArg<Family>(args, "--family", FAMILIES, "comparison");
  const metricsArg = args.get("--metrics");
  const metrics = metricsArg
    ?.split(",")
    .map((m) => m.trim())
    .filter((m) => m !== "");
  if (metrics !== undefined && metrics.length === 0)
    throw new Refusal(`--metrics names no metric.\n${USAGE}`);
  const path = args.get("--in") as string;
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new Refusal(`${path}: cannot read (${(e as Error).message})`);
  }
  const parsed = parseTidyReviews(text, metrics === undefined ? {} : { metrics });
  if (!parsed.ok) throw new Refusal(parsed.issues.map((i) => `${path}:${i.line}: ${i.message}`).join("\n"));
  const params = { baseline: args.get("--baseline") as string, metrics, correction, family };
  const problems = findParamProblems(parsed.table, params);
  if (problems.length > 0) throw new Refusal(problems.map((p) => `${path}: ${p}`).join("\n"));

  const analysis = analyzeReviews(parsed.table, params);
  const files: [string, string][] = [
    ["significance.csv", formatSignificanceCsv(analysis.significance)],
    ["significance.tex", formatSignificanceLatex(analysis)],
    ["significance.md", formatSignificanceMarkdown(analysis)],
    ["topics.csv", formatTopicsCsv(analysis.topics)],
    ["descriptives.csv", formatDescriptivesCsv(analysis.descriptives)],
    ["agreement.csv", formatAgreementCsv(analysis.agreement)],
    [
      "mixed-model.R",
      formatMixedModelScript({
        inputPath: path,
        baseline: params.baseline,
        metrics: analysis.params.metrics,
      }),
    ],
  ];
  const out = args.get("--out");
  const notes = [...analysis.warnings.map((w) => `warning: ${w}\n`), ...skipNotes(analysis)];
  if (out === undefined) {
    const head = `Analyzed ${parsed.table.rows.length} reviews (baseline ${params.baseline}); no --out, so no files were written.\n`;
    return { stdout: formatSignificanceMarkdown(analysis), stderr: head + notes.join("") };
  }
  try {
    io.mkdir(out);
    for (const [name, content] of files) io.writeFile(join(out, name), content);
  } catch (e) {
    throw new Refusal(`${out}: cannot write (${(e as Error).message})`);
  }
  const tested = analysis.significance.filter((r) => r.pValue !== null);
  const significant = tested.filter((r) => r.stars !== "").length;
  const conditions = new Set(parsed.table.rows.map((r) => r.condition)).size;
  const summary = `Analyzed ${parsed.table.rows.length} reviews (${analysis.params.metrics.length} metrics, ${conditions} conditions, baseline ${params.baseline}): ${tested.length} of ${analysis.significance.length} tests run, ${significant} significant after ${correction} (family ${family}), ${analysis.warnings.length} warnings; wrote ${files.map(([name]) => join(out, name)).join(", ")}.`;
  return { stdout: `${summary}\n`, stderr: notes.join("") };
}

/** Each distinct "skipped: …" note once (e.g. unit reviewer without reviewer ids). */
function skipNotes(analysis: ReturnType<typeof analyzeReviews>): string[] {
  const notes = [...analysis.significance, ...analysis.topics].map((r) => r.note);
  return [...new Set(notes.filter((n) => n.startsWith("skipped:")))].map((n) => `note: ${n}\n`);
}

/** The CLI without the process: tests call it in-process with their own temp dirs. */
export function runStatsCli(argv: string[], io: StatsCliIo = nodeIo): StatsCliResult {
  try {
    return { code: 0, ...run(argv, io) };
  } catch (e) {
    if (e instanceof Refusal) return { code: 2, stdout: "", stderr: `${e.message}\n` };
    throw e;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = runStatsCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
