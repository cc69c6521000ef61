// Runs once per server process: start the background job runner (Node runtime only, never at build).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobRunner } = await import("@/server/jobs");
  startJobRunner();
}
