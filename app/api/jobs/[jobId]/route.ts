import { z } from "zod";
import { getJobProgress } from "@/db/queries/jobs";
import { guardedRoute } from "@/server/auth/guarded-handlers";
import { getJobForUser } from "@/server/auth/job-access";
import { cancelJob, retryJob } from "@/server/jobs";

const noStore = { "cache-control": "no-store" };

// GET /api/jobs/:jobId — progress of one job (counts, percent, per-item status and errors), for polling.
export const GET = guardedRoute({}, ({ user }, _req, params) => {
  const job = getJobForUser({ jobId: String(params.jobId), user });
  const progress = getJobProgress({ jobId: job.id, includeItems: true, includeOutput: true });
  return Response.json(progress, { headers: noStore });
});

// POST /api/jobs/:jobId — { action: "cancel" | "retry" } (retry re-runs only the items that failed).
export const POST = guardedRoute(
  { schema: z.object({ action: z.enum(["cancel", "retry"], { error: "action must be cancel or retry." }) }) },
  ({ user, input }, _req, params) => {
    const job = getJobForUser({ jobId: String(params.jobId), user });
    if (input.action === "cancel") cancelJob({ jobId: job.id });
    else retryJob({ jobId: job.id });
    return Response.json(getJobProgress({ jobId: job.id }), { headers: noStore });
  },
);
