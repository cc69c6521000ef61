// HTTP helpers shared by the load benchmark (bench-load.ts) and the request profiler
// (profile-request.ts): sign in through Auth.js like a browser, start the production server on a
// seeded database, send requests cheaply, and read a process tree's CPU time.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import { serveArgs } from "./serve-command";

export const BENCH_SECRET = "bench-load-secret-0123456789-0123456789";

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

export type PlainResponse = { status: number; text: string };

/**
 * One HTTP request on node:http with a keep-alive agent, answering with the status and the decoded
 * body (gzip, deflate or br). The load benchmark's client: it asks for compression as a browser does
 * and costs a fraction of fetch's CPU, which shares the machine with the server under test.
 */
export function plainRequest(
  url: string,
  {
    method = "GET",
    headers = {},
    body,
    agent,
    signal,
  }: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    agent: http.Agent;
    signal?: AbortSignal;
  },
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, signal, headers: { "accept-encoding": "gzip, deflate, br", ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers["content-encoding"];
            const decoded =
              encoding === "gzip"
                ? zlib.gunzipSync(raw)
                : encoding === "br"
                  ? zlib.brotliDecompressSync(raw)
                  : encoding === "deflate"
                    ? zlib.inflateSync(raw)
                    : raw;
            resolve({ status: res.statusCode ?? 0, text: decoded.toString("utf8") });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
