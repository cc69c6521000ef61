// npm run assign -- --ideas ideas.csv --reviewers reviewers.csv [--conflicts conflicts.csv]
//   --reviews-per-idea 3 [--min-reviews 2] --seed 1 --out DIR
// Writes DIR/assignments.csv and DIR/report.json; bad files exit 2 and write nothing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assignReviewers } from "@/lib/assignment/assign";
import { formatAssignmentsCsv, formatProblem, parseAssignmentFiles } from "@/lib/assignment/files";

const USAGE =
  "Usage: npm run assign -- --ideas ideas.csv --reviewers reviewers.csv [--conflicts conflicts.csv] --reviews-per-idea 3 [--min-reviews 2] --seed 1 --out DIR";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readArgs(argv: string[]): Map<string, string> {
  const known = new Set([
    "--ideas",
    "--reviewers",
    "--conflicts",
    "--reviews-per-idea",
    "--min-reviews",
    "--seed",
    "--out",
  ]);
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i] as string;
    const value = argv[i + 1];
    if (!known.has(key)) fail(`Unknown argument ${key}.\n${USAGE}`);
    if (value === undefined || value.startsWith("--")) fail(`${key} needs a value.\n${USAGE}`);
    args.set(key, value);
    i += 1;
  }
  for (const key of ["--ideas", "--reviewers", "--reviews-per-idea", "--seed", "--out"]) {
    if (!args.has(key)) fail(`Missing ${key}.\n${USAGE}`);
  }
  return args;
}

function integerArg(args: Map<string, string>, key: string, min: number): number {
  const text = args.get(key) as string;
  if (!/^-?\d+$/.test(text) || Number(text) < min)
    fail(`${key} must be an integer >= ${min} (got "${text}").`);
  return Number(text);
}

function readSource(path: string) {
  try {
    return { name: path, text: readFileSync(path, "utf8") };
  } catch (e) {
    return fail(`${path}: cannot read (${(e as Error).message})`);
  }
}

function main() {
  const args = readArgs(process.argv.slice(2));
  const max = integerArg(args, "--reviews-per-idea", 1);
  const min = args.has("--min-reviews") ? integerArg(args, "--min-reviews", 0) : max;
  if (min > max) fail(`--min-reviews ${min} > --reviews-per-idea ${max}.`);
  const seed = integerArg(args, "--seed", Number.MIN_SAFE_INTEGER);
  const conflictsPath = args.get("--conflicts");
  const parsed = parseAssignmentFiles({
    ideas: readSource(args.get("--ideas") as string),
    reviewers: readSource(args.get("--reviewers") as string),
    conflicts: conflictsPath === undefined ? undefined : readSource(conflictsPath),
  });
  if (!parsed.ok) {
    for (const p of parsed.problems) console.error(formatProblem(p));
    process.exit(2);
  }
  const { assignments, report } = assignReviewers({
    ideas: parsed.ideas,
    reviewers: parsed.reviewers,
    conflicts: parsed.conflicts,
    reviewsPerIdea: { min, max },
    seed,
  });
  const out = args.get("--out") as string;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "assignments.csv"), formatAssignmentsCsv(assignments));
  writeFileSync(join(out, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
  const balanced = report.perReviewer.length - report.reviewersUnbalanced.length;
  console.log(
    `Ideas covered ${report.ideasCovered}/${parsed.ideas.length} (>= ${min} reviews), reviews placed ${report.placed}, balance met for ${balanced}/${report.perReviewer.length} reviewers; wrote ${join(out, "assignments.csv")} and report.json.`,
  );
}

main();
