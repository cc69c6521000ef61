// The primary of `npm start` with WEB_CONCURRENCY > 1: forks the server workers (they share the port
// through node:cluster), gives the job runner to exactly one of them, relays the runner's heartbeat
// and wake-ups between workers, restarts a worker that dies, and gives up with the dead worker's
// exit status when workers keep dying (more than MAX_DEATHS within DEATH_WINDOW_MS), so a
// supervisor sees the failure. A requested stop (SIGTERM/SIGINT) stops every worker and exits 0.
import cluster, { type Worker } from "node:cluster";
import { exitCodeOf } from "./exit-code";

export const MAX_DEATHS = 5;
export const DEATH_WINDOW_MS = 60_000;

/** Messages between a worker and the primary. */
export type ClusterMessage =
  | { kind: "job-runner-tick"; running: boolean; lastTickAt: number | null; pollIntervalMs: number }
  | { kind: "job-runner-wake" };

export type PrimaryOptions = {
  workers: number;
  /** Whether one worker runs the job runner (JOB_RUNNER of the primary's environment). */
  runJobs: boolean;
  /** The worker script; defaults to the primary's own entry point (cluster's default). */
  exec?: string;
  execArgv?: string[];
  exit?: (code: number) => void;
  log?: (line: string) => void;
  now?: () => number;
};

export type Primary = { stop: (signal: NodeJS.Signals) => void; runnerWorker: () => Worker | undefined };

function isClusterMessage(msg: unknown): msg is ClusterMessage {
  const kind = (msg as { kind?: unknown } | null)?.kind;
  return kind === "job-runner-tick" || kind === "job-runner-wake";
}

export function runPrimary(options: PrimaryOptions): Primary {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? ((line: string) => console.error(line));
  const now = options.now ?? Date.now;
  if (options.exec) cluster.setupPrimary({ exec: options.exec, execArgv: options.execArgv ?? [] });
  let runner: Worker | undefined;
  let stopping = false;
  let exitCode = 0;
  let exited = false;
  const deaths: number[] = [];
  // Our own list: cluster.workers may still hold a dead worker until its IPC channel closes.
  const live = new Set<Worker>();

  function fork(runsJobs: boolean) {
    const worker = cluster.fork({ JOB_RUNNER: runsJobs ? "true" : "false" });
    live.add(worker);
    if (runsJobs) runner = worker;
    worker.on("exit", (code, signal) => onExit(worker, code, (signal as NodeJS.Signals | null) || null));
    worker.on("message", (msg: unknown) => {
      if (!isClusterMessage(msg)) return;
      if (msg.kind === "job-runner-wake") {
        if (runner?.isConnected()) runner.send(msg);
        return;
      }
      for (const other of live) if (other !== worker && other.isConnected()) other.send(msg);
    });
  }

  const finishIfDone = () => {
    if (live.size > 0 || exited) return;
    exited = true;
    exit(exitCode);
  };

  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of live) worker.process.kill(signal);
    finishIfDone();
  };

  function onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null) {
    live.delete(worker);
    const wasRunner = worker === runner;
    if (wasRunner) runner = undefined;
    if (stopping) {
      finishIfDone();
      return;
    }
    const status = exitCodeOf(code, signal);
    const t = now();
    deaths.push(t);
    while (deaths.length > 0 && (deaths[0] ?? t) < t - DEATH_WINDOW_MS) deaths.shift();
    if (deaths.length > MAX_DEATHS) {
      log(`Server workers keep dying (last: pid ${worker.process.pid}, status ${status}); stopping.`);
      exitCode = status === 0 ? 1 : status;
      stop("SIGTERM");
      return;
    }
    log(`Server worker ${worker.process.pid} died (status ${status}); starting another.`);
    fork(wasRunner);
  }

  for (let i = 0; i < options.workers; i++) fork(options.runJobs && i === 0);
  return { stop, runnerWorker: () => runner };
}
