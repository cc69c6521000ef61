// npm run bench:load — N reviewers (default 50) load their review page and autosave drafts for D
// seconds (default 60) against the production build (run `next build` first) on a freshly seeded
// database; prints requests/s and p50/p95/max per route, and every error. A benchmark, not a test.
//   npm run bench:load -- [--reviewers 50] [--seconds 60] [--port 3390]
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBenchWorld } from "./lib/bench-load-seed";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REVIEWERS = arg("reviewers", 50);
const SECONDS = arg("seconds", 60);
const PORT = arg("port", 3390);
const BASE = `http://localhost:${PORT}`;
const SECRET = "bench-load-secret-0123456789-0123456789";

type Sample = { route: string; ms: number; ok: boolean; detail?: string };

function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const hit = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && v.filename?.endsWith("review/actions.ts"),
  );
  if (!hit) throw new Error(`No server action ${exportedName} in the build: run next build first.`);
  return hit[0];
}

function cookieHeader(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function signIn(email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = cookieHeader(csrfRes, jar);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: BASE },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/` }),
  });
  const all = cookieHeader(res, jar);
  if (!all.includes("session-token")) throw new Error(`Sign-in failed for ${email} (HTTP ${res.status}).`);
  return all;
}

async function timed(route: string, samples: Sample[], fn: () => Promise<{ ok: boolean; detail?: string }>) {
  const start = performance.now();
  let out: { ok: boolean; detail?: string };
  try {
    out = await fn();
  } catch (e) {
    out = { ok: false, detail: (e as Error).message };
  }
  samples.push({ route, ms: performance.now() - start, ...out });
}

async function startServer(dbPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_PATH: dbPath,
      AUTH_SECRET: SECRET,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error("The server did not become healthy within a minute.");
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  const dbPath = path.join(dir, "bench.db");
  const world = loadBenchWorld({ dbPath, reviewers: REVIEWERS });
  const saveId = actionId("saveReviewAction");
  const server = await startServer(dbPath);
  try {
    const sessions = await Promise.all(world.reviewers.map((r) => signIn(r.email, r.password)));
    const samples: Sample[] = [];
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      world.reviewers.map(async (r, i) => {
        const cookie = sessions[i]!;
        const url = `${BASE}/studies/${world.studyId}/review/${r.assignmentId}`;
        let version = 0;
        let n = 0;
        while (Date.now() < until) {
          await timed("review page", samples, async () => {
            const res = await fetch(url, { headers: { cookie } });
            const html = await res.text();
            return { ok: res.ok && html.includes("review-form"), detail: `HTTP ${res.status}` };
          });
          for (let k = 0; k < 3 && Date.now() < until; k++) {
            n += 1;
            await timed("draft save", samples, async () => {
              const res = await fetch(url, {
                method: "POST",
                headers: {
                  cookie,
                  origin: BASE,
                  "next-action": saveId,
                  accept: "text/x-component",
                  "content-type": "text/plain;charset=UTF-8",
                },
                body: JSON.stringify([
                  {
                    studyId: world.studyId,
                    assignmentId: r.assignmentId,
                    mode: "draft",
                    answers: { scores: { novelty: 1 + (n % 10) }, rationales: { novelty: `Draft ${n}.` } },
                    version,
                    activeSeconds: 1,
                  },
                ]),
              });
              const text = await res.text();
              const m = /"ok":true,"data":\{"version":(\d+)/.exec(text);
              if (m) version = Number(m[1]);
              return { ok: res.ok && m !== null, detail: m ? undefined : text.slice(0, 200) };
            });
          }
        }
      }),
    );
    const routes = [...new Set(samples.map((s) => s.route))];
    console.log(`${REVIEWERS} reviewers, ${SECONDS} s: ${(samples.length / SECONDS).toFixed(0)} requests/s`);
    for (const route of routes) {
      const mine = samples.filter((s) => s.route === route);
      const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
      const errors = mine.filter((s) => !s.ok);
      console.log(
        `${route.padEnd(12)} n=${mine.length} p50 ${pct(ms, 50).toFixed(0)} ms  p95 ${pct(ms, 95).toFixed(0)} ms  max ${(ms.at(-1) ?? 0).toFixed(0)} ms  errors ${errors.length}${errors[0] ? ` (first: ${errors[0].detail})` : ""}`,
      );
    }
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
