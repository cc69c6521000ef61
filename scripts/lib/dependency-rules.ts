// How the layer rules in .dependency-cruiser.cjs are run: by `npm run lint:deps`, by `npm test`'s
// lint stage and by scripts/dependency-rules.test.ts, all with the same folders and options.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/** Every folder and root file with application code; config files and node_modules are not layers. */
export const LAYER_ROOTS = [
  "app",
  "components",
  "db",
  "e2e",
  "lib",
  "scripts",
  "server",
  "proxy.ts",
  "instrumentation.ts",
];

/** Arguments for `node` that check `roots` (relative to the working directory) against its config. */
export function depcruiseArgs({
  roots = LAYER_ROOTS,
  outputType = "err",
}: {
  roots?: string[];
  outputType?: "err" | "json";
} = {}): string[] {
  // Resolved from this checkout, so a test can run the same binary in a scratch directory.
  const bin = resolve("node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  return [bin, "--config", ".dependency-cruiser.cjs", "--output-type", outputType, ...roots];
}

export type Violation = { rule: string; from: string; to: string };

/** Runs the rules of `cwd`'s config on `roots` and returns every violation (none when the rules hold). */
export function findViolations({ cwd, roots }: { cwd: string; roots: string[] }): Violation[] {
  const r = spawnSync(process.execPath, depcruiseArgs({ roots, outputType: "json" }), {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.stdout === "") throw new Error(`dependency-cruiser printed nothing (exit ${r.status}): ${r.stderr}`);
  const report = JSON.parse(r.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
