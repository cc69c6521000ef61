// npm run bench:load — N reviewers (default 50) load their review page and autosave drafts (the
// editor's own autosave request) for D seconds (default 60, after a warm-up, default 10 s, that is
// not counted) against the production build (run `next build` first) on a freshly seeded database.
// Each reviewer loops without pauses: open the page (the document, then the editor's load of the
// stored review), then three draft saves. Prints one summary line, a line per route (p50/p95/max,
// errors by kind; "page + review" is the two requests of opening the page, together) and the same as
// one JSON line. A benchmark,
// not a test. The client is node:http with keep-alive (one connection per reviewer) asking for gzip
// as browsers do; it reports its own CPU per request beside the server's, since both share the
// machine, and a CPU reference time, since shared machines differ in speed from day to day.
//   npm run bench:load -- [--reviewers 50] [--seconds 60] [--warmup 10] [--port 3390]
//                         [--workers N] [--no-page-cache] [--json out.json] [--cpu-prof DIR]
// --no-page-cache: the server renders every page load (PAGE_CACHE=false).
// --workers: the server's WEB_CONCURRENCY (default: the environment's, else 1). --cpu-prof DIR: a V8
// CPU profile of the server (with --workers > 1, one file per server process).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { type ReviewDraftRequest, reviewDraftPath } from "@/lib/reviews/save-request";
import {
  percentile,
  plainRequest,
  processTreeCpuMs,
  signIn,
  startServer,
  stopServer,
} from "./lib/bench-http";
import { loadBenchWorld } from "./lib/bench-load-seed";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = arg(name);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0 (got ${v}).`);
  return n;
};
const REVIEWERS = Math.max(1, Math.floor(num("reviewers", 50)));
const SECONDS = num("seconds", 60);
const WARMUP = num("warmup", 10);
const PORT = num("port", 3390);
const JSON_OUT = arg("json");
const CPU_PROF = arg("cpu-prof");
const PAGE_CACHE = !process.argv.includes("--no-page-cache");
const WORKERS =
  arg("workers") === undefined ? getEnv().WEB_CONCURRENCY : Math.max(1, Math.floor(num("workers", 1)));
const BASE = `http://localhost:${PORT}`;
const REQUEST_TIMEOUT_MS = 30_000;

const ROUTE_ORDER = ["review page", "review load", "page + review", "draft save"] as const;
type Route = (typeof ROUTE_ORDER)[number];

type Outcome = { ok: true } | { ok: false; kind: string; detail: string };
type Sample = { route: Route; ms: number; at: number; outcome: Outcome };

function fail(kind: string, detail: string): Outcome {
  return { ok: false, kind, detail: detail.slice(0, 200) };
}

async function timed(route: Route, samples: Sample[], fn: (signal: AbortSignal) => Promise<Outcome>) {
  const start = performance.now();
  let outcome: Outcome;
  try {
    outcome = await fn(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
  } catch (e) {
    const err = e as Error & { code?: string };
    const kind = err.name === "AbortError" ? "timeout" : `network ${err.code ?? err.name}`;
    outcome = fail(kind, err.message);
  }
  samples.push({ route, ms: performance.now() - start, at: Date.now(), outcome });
}

// One keep-alive connection per reviewer at most, as each browser tab would hold.
const agent = new http.Agent({ keepAlive: true, maxSockets: REVIEWERS });

async function loadPage(url: string, cookie: string, signal: AbortSignal): Promise<Outcome> {
  const res = await plainRequest(url, { headers: { cookie }, agent, signal });
  if (res.status !== 200) return fail(`HTTP ${res.status}`, res.text);
  return res.text.includes('data-testid="idea-text"')
    ? { ok: true }
    : fail("page without the idea", res.text);
}

/** The editor's load of the stored review (GET on the draft route), and its version. */
async function loadReview(
  url: string,
  cookie: string,
  signal: AbortSignal,
): Promise<{ outcome: Outcome; version?: number }> {
  const res = await plainRequest(url, { headers: { cookie }, agent, signal });
  if (res.status !== 200 || !res.text.startsWith('{"ok":true'))
    return { outcome: fail(`HTTP ${res.status}`, res.text) };
  return { outcome: { ok: true }, version: Number(/"version":(\d+)/.exec(res.text)?.[1] ?? 0) };
}

async function saveDraft(
  url: string,
  cookie: string,
  body: unknown,
  signal: AbortSignal,
): Promise<{ outcome: Outcome; version?: number }> {
  const res = await plainRequest(url, {
    method: "POST",
    agent,
    signal,
    headers: { cookie, origin: BASE, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const m = /"ok":true,"data":\{"version":(\d+)/.exec(res.text);
  if (res.status === 200 && m) return { outcome: { ok: true }, version: Number(m[1]) };
  const code = /"error":"([^"]+)"/.exec(res.text)?.[1];
  return { outcome: fail(code ? `HTTP ${res.status} ${code}` : `HTTP ${res.status}`, res.text) };
}

/**
 * How fast this machine's CPU is right now: 200,000 SHA-256 digests on one core, in ms (lower is
 * faster). Shared machines vary from day to day (207 to 503 ms here), so runs on different days are
 * compared through this number.
 */
function cpuReferenceMs(): number {
  const once = () => {
    const start = performance.now();
    for (let i = 0; i < 200_000; i++) crypto.createHash("sha256").update(`x${i}`).digest();
    return performance.now() - start;
  };
  // The fastest of three: the first pays for compiling the loop.
  return Math.round(Math.min(once(), once(), once()));
}

/** CPU used by the server (its process tree) and by this load generator during the counted window. */
type CpuWindow = { serverMs?: number; generatorMs: number };

function cpuMark(serverPid: number | undefined): CpuWindow {
  const own = process.cpuUsage();
  return {
    serverMs: serverPid === undefined ? undefined : processTreeCpuMs(serverPid),
    generatorMs: (own.user + own.system) / 1000,
  };
}

function summarize(
  samples: Sample[],
  from: number,
  seconds: number,
  cpu: { start: CpuWindow; end: CpuWindow; referenceMs: number },
) {
  const counted = samples.filter((s) => s.at >= from);
  const routes = ROUTE_ORDER.filter((route) => counted.some((s) => s.route === route)).map((route) => {
    const mine = counted.filter((s) => s.route === route);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    const errorsByKind: Record<string, number> = {};
    const firstError: Record<string, string> = {};
    for (const s of mine) {
      if (s.outcome.ok) continue;
      errorsByKind[s.outcome.kind] = (errorsByKind[s.outcome.kind] ?? 0) + 1;
      firstError[s.outcome.kind] ??= s.outcome.detail;
    }
    const round = (x: number) => Math.round(x);
    return {
      route,
      n: mine.length,
      p50: round(percentile(ms, 50)),
      p95: round(percentile(ms, 95)),
      p99: round(percentile(ms, 99)),
      max: round(ms.at(-1) ?? 0),
      errors: mine.length - mine.filter((s) => s.outcome.ok).length,
      errorsByKind,
      firstError,
    };
  });
  const errors = routes.reduce((sum, r) => sum + r.errors, 0);
  const { start, end } = cpu;
  const serverCpuMs =
    start.serverMs === undefined || end.serverMs === undefined ? undefined : end.serverMs - start.serverMs;
  const perRequest = (ms: number | undefined) =>
    ms === undefined || counted.length === 0 ? undefined : Math.round((ms / counted.length) * 100) / 100;
  return {
    reviewers: REVIEWERS,
    workers: WORKERS,
    pageCache: PAGE_CACHE,
    seconds,
    warmupSeconds: WARMUP,
    requestsPerSecond: Math.round(counted.length / seconds),
    errors,
    routes,
    // CPU per counted request: the server's (all its processes) and this generator's, in ms.
    serverCpuMsPerRequest: perRequest(serverCpuMs),
    generatorCpuMsPerRequest: perRequest(end.generatorMs - start.generatorMs),
    cpuReferenceMs: cpu.referenceMs,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    cpus: os.cpus().length,
  };
}

async function main() {
  const referenceMs = cpuReferenceMs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  const dbPath = path.join(dir, "bench.db");
  const world = loadBenchWorld({ dbPath, reviewers: REVIEWERS });
  process.env.PAGE_CACHE = String(PAGE_CACHE); // the server's environment
  const server = await startServer({ port: PORT, dbPath, cpuProfDir: CPU_PROF, workers: WORKERS });
  try {
    const sessions = await Promise.all(world.reviewers.map((r) => signIn(BASE, r.email, r.password)));
    const samples: Sample[] = [];
    const measureFrom = Date.now() + WARMUP * 1000;
    const until = measureFrom + SECONDS * 1000;
    const cpu = { start: cpuMark(undefined), end: cpuMark(undefined), referenceMs };
    const marks = [
      setTimeout(() => (cpu.start = cpuMark(server.pid)), measureFrom - Date.now()),
      setTimeout(() => (cpu.end = cpuMark(server.pid)), until - Date.now()),
    ];
    await Promise.all(
      world.reviewers.map(async (r, i) => {
        const cookie = sessions[i] ?? "";
        const url = `${BASE}/studies/${world.studyId}/review/${r.assignmentId}`;
        const draftUrl = `${BASE}${reviewDraftPath(world.studyId, r.assignmentId)}`;
        let version = 0;
        let n = 0;
        while (Date.now() < until) {
          // Opening the page: the document, then the editor's load of the stored review. The reviewer
          // can type once both have arrived, so the two are also counted as one ("page + review").
          const opening = performance.now();
          const before = samples.length;
          await timed("review page", samples, (signal) => loadPage(url, cookie, signal));
          await timed("review load", samples, async (signal) => {
            const out = await loadReview(draftUrl, cookie, signal);
            if (out.version !== undefined) version = out.version;
            return out.outcome;
          });
          const failed = samples.slice(before).find((x) => !x.outcome.ok)?.outcome;
          samples.push({
            route: "page + review",
            ms: performance.now() - opening,
            at: Date.now(),
            outcome: failed ?? { ok: true },
          });
          for (let k = 0; k < 3 && Date.now() < until; k++) {
            n += 1;
            const body: ReviewDraftRequest = {
              mode: "draft",
              answers: { scores: { novelty: 1 + (n % 10) }, rationales: { novelty: `Draft ${n}.` } },
              version,
              activeSeconds: 1,
            };
            await timed("draft save", samples, async (signal) => {
              const out = await saveDraft(draftUrl, cookie, body, signal);
              if (out.version !== undefined) version = out.version;
              return out.outcome;
            });
          }
        }
      }),
    );
    for (const m of marks) clearTimeout(m);
    const report = summarize(samples, measureFrom, SECONDS, cpu);
    const page = report.routes.find((r) => r.route === "page + review");
    const save = report.routes.find((r) => r.route === "draft save");
    console.log(
      `bench:load ${REVIEWERS} reviewers, ${WORKERS} server process${WORKERS === 1 ? "" : "es"}, page cache ${PAGE_CACHE ? "on" : "off"}, ${SECONDS} s (+${WARMUP} s warm-up): ${report.requestsPerSecond} req/s, ` +
        `page + review p50 ${page?.p50} / p95 ${page?.p95} ms, save p50 ${save?.p50} / p95 ${save?.p95} ms, ` +
        `errors ${report.errors}; CPU per request: server ${report.serverCpuMsPerRequest ?? "?"} ms, ` +
        `load generator ${report.generatorCpuMsPerRequest} ms; CPU reference ${report.cpuReferenceMs} ms; load average ${report.loadAverage.join(" ")} on ${report.cpus} CPUs`,
    );
    for (const r of report.routes) {
      const kinds = Object.entries(r.errorsByKind).map(([k, v]) => `${k} ×${v} (first: ${r.firstError[k]})`);
      console.log(
        `  ${r.route.padEnd(13)} n=${r.n} p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} max ${r.max} ms  errors ${r.errors}${kinds.length ? `: ${kinds.join("; ")}` : ""}`,
      );
    }
    const json = JSON.stringify(report);
    console.log(json);
    if (JSON_OUT) fs.writeFileSync(JSON_OUT, `${json}\n`);
    if (report.errors > 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
