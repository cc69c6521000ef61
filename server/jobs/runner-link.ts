// The link between the job runner and the other server processes when `npm start` runs several
// (WEB_CONCURRENCY > 1, scripts/serve.ts): exactly one process runs jobs; the others tell it to look
// for work now (after an enqueue or a cancel) and learn from it whether its loop is alive (for
// /api/health). The cluster plumbing in scripts/serve.ts fills these slots; in a single process they
// stay empty and nothing changes. No `server-only` import: scripts/serve.ts loads this outside Next.
// State lives on globalThis because Next's bundles and scripts/serve.ts load their own module copies.

/** What the runner's process last reported about its loop. */
export type RemoteRunnerStatus = { running: boolean; lastTickAt: number | null; pollIntervalMs: number };

type RunnerLike = { isRunning: boolean; lastTickAt: number | null; pollIntervalMs: number; wake(): void };

const slots = globalThis as unknown as {
  ideationLabJobRunner?: RunnerLike;
  ideationLabRemoteRunnerStatus?: RemoteRunnerStatus;
  ideationLabWakeRemoteRunner?: () => void;
};

/** This process's runner, when it has one that is running. */
export function localRunner(): RunnerLike | undefined {
  const runner = slots.ideationLabJobRunner;
  return runner?.isRunning ? runner : undefined;
}

export function setRemoteRunnerStatus(status: RemoteRunnerStatus) {
  slots.ideationLabRemoteRunnerStatus = status;
}

export function remoteRunnerStatus(): RemoteRunnerStatus | undefined {
  return slots.ideationLabRemoteRunnerStatus;
}

export function setRemoteRunnerWaker(wake: (() => void) | undefined) {
  slots.ideationLabWakeRemoteRunner = wake;
}

/** Wakes the runner wherever it runs: in this process directly, else through the cluster primary. */
export function wakeAnyRunner() {
  const local = slots.ideationLabJobRunner;
  if (local?.isRunning) local.wake();
  else if (slots.ideationLabWakeRemoteRunner) slots.ideationLabWakeRemoteRunner();
  else local?.wake();
}
