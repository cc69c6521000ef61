// npm test — lint, typecheck, unit tests, then end-to-end tests in Chromium against the production build.
import { spawnSync } from "node:child_process";
import { recordBuildFingerprint } from "./lib/build-fingerprint";
import { depcruiseArgs } from "./lib/dependency-rules";
import { ensureBrowser } from "./lib/ensure-browser";

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${secs} s)`);
}

// Research data stays on this machine; Next.js telemetry is off unless the operator turns it on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const node = process.execPath;
const only = process.argv[2]; // optional: lint | typecheck | unit | e2e

if (!only || only === "lint") {
  step("lint (biome)", node, ["node_modules/@biomejs/biome/bin/biome", "check", "."]);
  step("lint (layer rules, dependency-cruiser)", node, depcruiseArgs());
}
if (!only || only === "typecheck") {
  step("typegen", node, ["node_modules/next/dist/bin/next", "typegen"]);
  step("typecheck (tsc)", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
}
if (!only || only === "unit") step("unit tests (vitest)", node, ["node_modules/vitest/vitest.mjs", "run"]);
if (!only || only === "e2e") {
  let chromium: string;
  try {
    chromium = ensureBrowser();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  step("build (next build)", node, ["node_modules/next/dist/bin/next", "build"]);
  recordBuildFingerprint();
  step("e2e tests (playwright)", node, ["node_modules/@playwright/test/cli.js", "test"], {
    ...process.env,
    CHROMIUM_PATH: chromium,
  });
}
