// Profiles one reviewer's request path on the production build (run `next build` first): the review
// page GET, the editor's load of the stored review and the draft save (the draft route's GET and
// POST, fast routes), each sent `--n` times (default 200) in sequence to the production server's
// handler (fast routes, page cache, Next) running in this process, with better-sqlite3 wrapped so
// every SQL statement run is counted and timed.
// Prints per route: statements per request (and which), time in SQLite, and latency p50/p95.
//   npx tsx --conditions=react-server scripts/profile-request.ts [--n 200] [--port 3391] [--sql] [--explain]
//     [--page-cache]
//   --sql lists each route's statements; --explain prints SQLite's query plan of each (look for SCAN).
//   --page-cache answers page reloads from the page cache, as `npm start` does; without it every page
//   load is rendered, which is what there is to profile.
// For where the rest of the time goes: node --cpu-prof node_modules/tsx/dist/cli.mjs
// --conditions=react-server scripts/profile-request.ts
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import next from "next";
import { reviewDraftPath } from "@/lib/reviews/save-request";
import { BENCH_SECRET, percentile, signIn } from "./lib/bench-http";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("n", 200);
const PORT = arg("port", 3391);
const LIST_SQL = process.argv.includes("--sql");
const EXPLAIN = process.argv.includes("--explain");
const PAGE_CACHE = process.argv.includes("--page-cache");
const BASE = `http://localhost:${PORT}`;

// Count and time every statement run, whoever prepared it (drizzle or raw).
let statements: string[] = [];
let sqlMs = 0;
const probe = new Database(":memory:");
const statementProto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
probe.close();
for (const method of ["get", "all", "run", "iterate"] as const) {
  const original = statementProto[method] as (...a: unknown[]) => unknown;
  statementProto[method] = function (this: { source: string }, ...a: unknown[]) {
    statements.push(`${method} ${this.source}`);
    const t = performance.now();
    try {
      return original.apply(this, a);
    } finally {
      sqlMs += performance.now() - t;
    }
  };
}

type RouteStats = { ms: number[]; statements: number[]; sqlMs: number[]; sample: string[] };

async function measure(route: string, stats: Map<string, RouteStats>, send: () => Promise<boolean>) {
  statements = [];
  sqlMs = 0;
  const t = performance.now();
  const ok = await send();
  const ms = performance.now() - t;
  if (!ok) throw new Error(`${route} failed`);
  const s = stats.get(route) ?? { ms: [], statements: [], sqlMs: [], sample: [] };
  s.ms.push(ms);
  s.statements.push(statements.length);
  s.sqlMs.push(sqlMs);
  s.sample = statements;
  stats.set(route, s);
}

/** SQLite's plan for each statement (parameters bound to NULL), on a separate read-only connection. */
function explain(dbPath: string, sample: string[]) {
  const db = new Database(dbPath, { readonly: true });
  try {
    for (const entry of sample) {
      const source = entry.slice(entry.indexOf(" ") + 1);
      if (!/^\s*(select|update|insert|delete)/i.test(source)) continue;
      const params = (source.match(/\?/g) ?? []).length;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array<null>(params).fill(null)) as {
        detail: string;
      }[];
      console.log(`    ${source.replace(/\s+/g, " ").slice(0, 100)}…`);
      for (const step of plan) console.log(`        ${step.detail}`);
    }
  } finally {
    db.close();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "profile-request-"));
  const dbPath = path.join(dir, "bench.db");
  const seeded = spawnSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/bench-load-world.ts",
      dbPath,
      "1",
    ],
    { encoding: "utf8" },
  );
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  const world = JSON.parse(seeded.stdout.trim().split("\n").at(-1) ?? "{}") as {
    studyId: string;
    reviewers: { email: string; password: string; assignmentId: string }[];
  };
  Object.assign(process.env, {
    DATABASE_PATH: dbPath,
    AUTH_SECRET: BENCH_SECRET,
    PORT: String(PORT),
    PAGE_CACHE: String(PAGE_CACHE),
  });
  const app = next({ dev: false, dir: process.cwd(), port: PORT });
  await app.prepare();
  // As scripts/serve.ts serves: its fast routes first (loaded once the environment is set), then Next.
  const { withFastRoutes } = await import("@/server/http/fast-routes");
  const server = http.createServer(withFastRoutes(app.getRequestHandler()));
  await new Promise<void>((r) => server.listen(PORT, r));
  try {
    const r = world.reviewers[0];
    if (!r) throw new Error("no reviewer seeded");
    const cookie = await signIn(BASE, r.email, r.password);
    const url = `${BASE}/studies/${world.studyId}/review/${r.assignmentId}`;
    const draftUrl = `${BASE}${reviewDraftPath(world.studyId, r.assignmentId)}`;
    const stats = new Map<string, RouteStats>();
    let version = 0;
    for (let i = 0; i < N + 20; i++) {
      if (i === 20) stats.clear(); // the first 20 rounds warm up
      await measure("review page", stats, async () => {
        const res = await fetch(url, { headers: { cookie } });
        return res.ok && (await res.text()).includes('data-testid="idea-text"');
      });
      await measure("review state", stats, async () => {
        const res = await fetch(draftUrl, { headers: { cookie } });
        return res.ok && (await res.text()).startsWith('{"ok":true');
      });
      await measure("draft save", stats, async () => {
        const res = await fetch(draftUrl, {
          method: "POST",
          headers: { cookie, origin: BASE, "content-type": "application/json" },
          body: JSON.stringify({
            mode: "draft",
            answers: { scores: { novelty: 1 + (i % 10) }, rationales: { novelty: `Draft ${i}.` } },
            version,
            activeSeconds: 1,
          }),
        });
        const m = /"ok":true,"data":\{"version":(\d+)/.exec(await res.text());
        if (m) version = Number(m[1]);
        return res.ok && m !== null;
      });
    }
    for (const [route, s] of stats) {
      const ms = [...s.ms].sort((a, b) => a - b);
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `${route.padEnd(13)} n=${ms.length} latency p50 ${percentile(ms, 50).toFixed(1)} p95 ${percentile(ms, 95).toFixed(1)} ms; ` +
          `SQL statements ${Math.min(...s.statements)}–${Math.max(...s.statements)} per request, ${avg(s.sqlMs).toFixed(2)} ms in SQLite`,
      );
      if (LIST_SQL) for (const q of s.sample) console.log(`    ${q.replace(/\s+/g, " ").slice(0, 220)}`);
      if (EXPLAIN) explain(dbPath, s.sample);
    }
  } finally {
    server.close();
    server.closeAllConnections();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
