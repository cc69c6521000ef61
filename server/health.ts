import "server-only";
import { checkDbHealth } from "@/db/queries/health";
import { getJobRunner } from "@/server/jobs/runner";
import { type RemoteRunnerStatus, remoteRunnerStatus } from "@/server/jobs/runner-link";

// The health report behind /api/health (systemd and Docker poll it; see deploy/). Healthy means:
// the database takes writes, every shipped migration is applied, and the job runner's loop has
// looked for work recently (it does so at least every poll interval). With several server processes
// (WEB_CONCURRENCY) only one runs jobs; the others judge its loop by the ticks it last reported.

export type Health = {
  ok: boolean;
  db: { writable: boolean; error?: string };
  migrations: { current: boolean; pending: string[] };
  jobRunner: { running: boolean; lastTickAgoMs: number | null };
};

export function checkHealth({ now = Date.now() }: { now?: number } = {}): Health {
  const db = checkDbHealth();
  const local = getJobRunner();
  const runner: RemoteRunnerStatus = local.isRunning
    ? { running: true, lastTickAt: local.lastTickAt, pollIntervalMs: local.pollIntervalMs }
    : (remoteRunnerStatus() ?? {
        running: false,
        lastTickAt: local.lastTickAt,
        pollIntervalMs: local.pollIntervalMs,
      });
  const lastTickAgoMs = runner.lastTickAt === null ? null : now - runner.lastTickAt;
  const runnerAlive =
    runner.running && lastTickAgoMs !== null && lastTickAgoMs <= Math.max(10 * runner.pollIntervalMs, 30_000);
  const health: Health = {
    ok: false,
    db: db.writable ? { writable: true } : { writable: false, error: db.writeError },
    migrations: { current: db.pendingMigrations.length === 0, pending: db.pendingMigrations },
    jobRunner: { running: runnerAlive, lastTickAgoMs },
  };
  health.ok = db.writable && health.migrations.current && runnerAlive;
  return health;
}
