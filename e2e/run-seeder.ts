import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E_DATABASE_PATH } from "./constants";
import type { SeederArgs, SeederName, SeederResult } from "./seeders";

/**
 * Runs a seeder from e2e/seeders in a tsx child process (the app's modules need the react-server
 * condition, which the Playwright runner does not have) against the server's e2e database, and
 * returns what it returned. Synchronous, like the SQL seeds it replaces, so specs read the same.
 */
export function runSeeder<N extends SeederName>(name: N, args: SeederArgs<N>): SeederResult<N> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-seed-"));
  try {
    const argsFile = join(dir, "args.json");
    const resultFile = join(dir, "result.json");
    writeFileSync(argsFile, JSON.stringify(args));
    const r = spawnSync(
      process.execPath,
      [
        "node_modules/tsx/dist/cli.mjs",
        "--conditions=react-server",
        "scripts/e2e-seed.ts",
        name,
        argsFile,
        resultFile,
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_PATH: E2E_DATABASE_PATH } },
    );
    if (r.status !== 0) throw new Error(`Seeder ${name} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
    return JSON.parse(readFileSync(resultFile, "utf8")) as SeederResult<N>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
