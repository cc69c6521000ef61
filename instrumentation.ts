// Runs once per server process: start the background job runner (Node runtime only, never at build).
// With several server processes (WEB_CONCURRENCY) the cluster primary lets exactly one run jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  if (!getEnv().JOB_RUNNER) return;
  const { startJobRunner } = await import("@/server/jobs");
  startJobRunner();
}
