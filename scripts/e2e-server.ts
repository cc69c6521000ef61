// Started by Playwright: a fresh, migrated database, then the production server (already built).

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { exitCodeOf } from "./lib/exit-code";
import { serveArgs } from "./lib/serve-command";

const file = getEnv().DATABASE_PATH;
if (!file.includes("e2e"))
  throw new Error(`Refusing to wipe ${file}: the e2e database path must contain "e2e".`);
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
fs.mkdirSync(path.dirname(file), { recursive: true });
migrateDatabase(getDb());
getDb().$client.close();

// The same HTTP server as `npm start` (scripts/serve.ts); PORT comes from the Playwright config.
const server = spawn(process.execPath, serveArgs(), {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
// A server killed by a signal is a failure (137 for SIGKILL), so a supervisor restarts it.
server.on("exit", (code, signal) => process.exit(exitCodeOf(code, signal)));
