// HTTP helpers shared by the load benchmark (bench-load.ts) and the request profiler
// (profile-request.ts): sign in through Auth.js like a browser, find a server action's id in the
// build, start the production server on a seeded database.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { serveArgs } from "./serve-command";

export const BENCH_SECRET = "bench-load-secret-0123456789-0123456789";

/** The id Next gave a server action exported from a file ending in `fileSuffix` (needs `next build`). */
export function actionId(exportedName: string, fileSuffix: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const hit = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && v.filename?.endsWith(fileSuffix),
  );
  if (!hit) throw new Error(`No server action ${exportedName} in the build: run next build first.`);
  return hit[0];
}

function cookieHeader(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair = ""] = c.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in with the credentials provider; returns the Cookie header of the new session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = cookieHeader(csrfRes, jar);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  const all = cookieHeader(res, jar);
  if (!all.includes("session-token")) throw new Error(`Sign-in failed for ${email} (HTTP ${res.status}).`);
  return all;
}

/** Waits (bounded: one minute) until /api/health answers. */
export async function waitHealthy(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The server did not become healthy within a minute.");
}

/** scripts/serve.ts (the production server) on `dbPath`; `cpuProfDir` writes a V8 CPU profile there on exit. */
export async function startServer({
  port,
  dbPath,
  cpuProfDir,
  workers,
}: {
  port: number;
  dbPath: string;
  cpuProfDir?: string;
  /** WEB_CONCURRENCY of the server; the environment's (default 1) when not given. */
  workers?: number;
}): Promise<ChildProcess> {
  const prof = cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfDir] : [];
  const child = spawn(process.execPath, serveArgs(prof), {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: dbPath,
      AUTH_SECRET: BENCH_SECRET,
      NODE_ENV: "production",
      ...(workers === undefined ? {} : { WEB_CONCURRENCY: String(workers) }),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitHealthy(`http://localhost:${port}`);
  } catch (e) {
    child.kill();
    throw e;
  }
  return child;
}

/** Stops the server and waits (at most 15 s) for it to exit, so a CPU profile is complete. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

/** The p-th percentile (nearest rank) of ascending numbers. */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * CPU time (user + system, ms) used so far by process `pid` and its descendants, read from /proc
 * (Linux; undefined elsewhere). Clock ticks are taken as 100 per second, Linux's USER_HZ.
 */
export function processTreeCpuMs(pid: number): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return undefined;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const e of entries) {
    try {
      const text = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start at state, field 3.
      const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(e), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // the process ended while we read
    }
  }
  if (!stats.has(pid)) return undefined;
  let ticks = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.pop() as number;
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) queue.push(child);
  }
  return ticks * 10;
}
