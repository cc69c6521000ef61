import { spawnSync } from "node:child_process";
import { E2E_DATABASE_PATH } from "./constants";

/** Runs `npm run demo` against the e2e database; returns each demo account's (new) password by email. */
export function runDemoSeed(): Map<string, string> {
  const run = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/demo.ts"],
    {
      env: {
        ...process.env,
        DATABASE_PATH: E2E_DATABASE_PATH,
        AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      },
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`npm run demo failed: ${run.stderr}`);
  return new Map(
    [...run.stdout.matchAll(/(demo-[a-z0-9-]+@example\.org)\s+(\S+)/g)].map((m) => [m[1]!, m[2]!]),
  );
}
