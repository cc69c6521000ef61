// npm run lint:deps — the one-way layers (lib ← db ← server ← app, components → lib) and no cycles.
import { spawnSync } from "node:child_process";
import { depcruiseArgs } from "./lib/dependency-rules";

const r = spawnSync(process.execPath, depcruiseArgs(), { stdio: "inherit" });
process.exit(r.status ?? 1);
