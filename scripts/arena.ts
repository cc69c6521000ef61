// npm run arena -- --in matches.csv --out DIR [--k 4] [--bootstrap 1000] [--seed 1] [--prior 0]
// --prior: weight of a virtual tie of each player against the field (0 = plain maximum likelihood,
// the default here so existing outputs stay as they were; the app uses 1). Writes DIR/ratings.csv, DIR/winrates.csv and DIR/agreement.csv; a bad file or argument exits 2
// with "file:line: problem" lines on stderr and writes nothing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_RESAMPLES } from "@/lib/arena/bootstrap";
import { ELO_K } from "@/lib/arena/elo";
import { parseMatchesCsv } from "@/lib/arena/matches-file";
import { computeRatings, writeAgreementCsv, writeRatingsCsv, writeWinRatesCsv } from "@/lib/arena/ratings";
import { AVERAGE_CRITERION } from "@/lib/arena/types";

export type CliIo = { stdout: (line: string) => void; stderr: (line: string) => void };

const USAGE =
  "Usage: npm run arena -- --in matches.csv --out DIR [--k 4] [--bootstrap 1000] [--seed 1] [--prior 0]";
const KNOWN = new Set(["--in", "--out", "--k", "--bootstrap", "--seed", "--prior"]);
const INTEGER = /^-?\d+$/;

class UsageError extends Error {}

function readArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i] as string;
    const value = argv[i + 1];
    if (!KNOWN.has(key)) throw new UsageError(`Unknown argument ${key}.`);
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${key} needs a value.`);
    args.set(key, value);
  }
  for (const key of ["--in", "--out"]) if (!args.has(key)) throw new UsageError(`Missing ${key}.`);
  return args;
}

function readOptions(args: Map<string, string>) {
  const k = Number(args.get("--k") ?? ELO_K);
  if (!(k > 0 && Number.isFinite(k)))
    throw new UsageError(`--k must be a positive number (got "${args.get("--k")}").`);
  const bootstrap = args.get("--bootstrap") ?? String(DEFAULT_RESAMPLES);
  if (!INTEGER.test(bootstrap) || Number(bootstrap) < 0) {
    throw new UsageError(`--bootstrap must be an integer >= 0 (got "${bootstrap}").`);
  }
  const seed = args.get("--seed") ?? "1";
  if (!INTEGER.test(seed)) throw new UsageError(`--seed must be an integer (got "${seed}").`);
  const prior = Number(args.get("--prior") ?? 0);
  if (!(prior >= 0 && Number.isFinite(prior)))
    throw new UsageError(`--prior must be a number >= 0 (got "${args.get("--prior")}").`);
  return { k, bootstrap: Number(bootstrap), seed: Number(seed), prior };
}

const consoleIo: CliIo = { stdout: (line) => console.log(line), stderr: (line) => console.error(line) };

/** The whole command, in-process: returns the exit code (0 ok, 1 cannot write, 2 bad input). */
export function runArenaCli(argv: readonly string[], io: CliIo = consoleIo): number {
  let args: Map<string, string>;
  let options: ReturnType<typeof readOptions>;
  try {
    args = readArgs(argv);
    options = readOptions(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n${USAGE}`);
    return 2;
  }
  const input = args.get("--in") as string;
  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (e) {
    io.stderr(`${input}: cannot read (${(e as Error).message})`);
    return 2;
  }
  const parsed = parseMatchesCsv(text);
  if (!parsed.ok) {
    for (const issue of parsed.issues) io.stderr(`${input}:${issue.line}: ${issue.message}`);
    return 2;
  }
  if (parsed.matches.length === 0) {
    io.stderr(`${input}:1: no matches after the header`);
    return 2;
  }
  const result = computeRatings(parsed.matches, options);
  const out = args.get("--out") as string;
  const files = {
    "ratings.csv": writeRatingsCsv(result.rows),
    "winrates.csv": writeWinRatesCsv(result.winRates),
    "agreement.csv": writeAgreementCsv(result),
  };
  try {
    mkdirSync(out, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content);
  } catch (e) {
    io.stderr(`${out}: cannot write (${(e as Error).message})`);
    return 1;
  }
  for (const problem of result.problems) io.stderr(`warning: ${problem}`);
  const count = (level: string) =>
    result.rows.filter((r) => r.level === level && r.criterion === AVERAGE_CRITERION).length;
  const criteria = new Set(parsed.matches.map((m) => m.criterion)).size;
  const judgments = new Set(parsed.matches.map((m) => m.matchId)).size;
  const warnings = result.problems.length;
  const warned =
    warnings === 0 ? "no warnings" : `${warnings} ${warnings === 1 ? "warning" : "warnings"} (above)`;
  io.stdout(
    `Rated ${count("idea")} ideas and ${count("condition")} conditions on ${criteria} criteria from ${judgments} matches (${parsed.matches.length} verdicts), ${options.bootstrap} bootstrap resamples, seed ${options.seed}, ${warned}; wrote ratings.csv, winrates.csv and agreement.csv to ${out}.`,
  );
  return 0;
}

// Run only as a script (tsx scripts/arena.ts), not when a test imports runArenaCli.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = runArenaCli(process.argv.slice(2));
}
