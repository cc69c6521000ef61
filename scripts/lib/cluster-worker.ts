// A server worker's side of the cluster link (see cluster-primary.ts): the worker that runs jobs
// reports its runner's loop every second; every worker forwards wake-ups for a runner it lacks and
// takes in the runner's reports for /api/health.
import { localRunner, setRemoteRunnerStatus, setRemoteRunnerWaker } from "@/server/jobs/runner-link";
import type { ClusterMessage } from "./cluster-primary";

const TICK_REPORT_MS = 1000;

export function linkWorker({ runsJobs }: { runsJobs: boolean }) {
  const send = (msg: ClusterMessage) => {
    if (process.connected) process.send?.(msg);
  };
  process.on("message", (msg: ClusterMessage) => {
    if (msg?.kind === "job-runner-wake") localRunner()?.wake();
    else if (msg?.kind === "job-runner-tick") setRemoteRunnerStatus(msg);
  });
  if (!runsJobs) {
    setRemoteRunnerWaker(() => send({ kind: "job-runner-wake" }));
    return;
  }
  setInterval(() => {
    const runner = localRunner();
    send({
      kind: "job-runner-tick",
      running: runner !== undefined,
      lastTickAt: runner?.lastTickAt ?? null,
      pollIntervalMs: runner?.pollIntervalMs ?? TICK_REPORT_MS,
    });
  }, TICK_REPORT_MS).unref();
}
