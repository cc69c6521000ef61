// npm start — migrate, build if the sources changed, then serve the production app.
import { spawn, spawnSync } from "node:child_process";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { countUsers } from "@/db/queries/users";
import { getEnv } from "@/lib/env";
import { isBuildCurrent, recordBuildFingerprint } from "./lib/build-fingerprint";
import { exitCodeOf } from "./lib/exit-code";
import { ensureAuthSecret, loadDotEnv } from "./lib/load-env";
import { serveArgs } from "./lib/serve-command";

// Research data stays on this machine; Next.js telemetry is off unless the operator turns it on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const NEXT_BIN = "node_modules/next/dist/bin/next";

function main() {
  loadDotEnv();
  const secret = ensureAuthSecret();
  if (secret === "created")
    console.log("Generated AUTH_SECRET and stored it beside the database (data/auth-secret).");
  const env = getEnv();
  const port = env.PORT;

  migrateDatabase(getDb());
  console.log(`Database ready: ${env.DATABASE_PATH}`);

  if (!isBuildCurrent()) {
    console.log("Building the app (first start or changed sources; about a minute)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    recordBuildFingerprint();
  }

  const base = env.APP_URL ?? `http://localhost:${port}`;
  const firstRun = countUsers() === 0;
  getDb().$client.close();

  const server = spawn(process.execPath, serveArgs(), {
    stdio: "inherit",
    env: process.env,
  });
  console.log("");
  console.log(
    firstRun
      ? `First run: open ${base}/setup to create the admin account.`
      : `Ideation Lab is running at ${base}`,
  );
  console.log(
    env.LLM_PROVIDER === "none"
      ? "No LLM provider configured (human-only studies work; see README to add one)."
      : `LLM provider: ${env.LLM_PROVIDER}`,
  );
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  // A server killed by a signal is a failure (137 for SIGKILL), so a supervisor restarts it.
  server.on("exit", (code, signal) => process.exit(exitCodeOf(code, signal)));
}

main();
