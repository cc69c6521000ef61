import "server-only";
import { getJob } from "@/db/queries/jobs";
import type { Job } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { checkGuard } from "./check-guard";

/** A job belongs to its study's organizers; jobs without a study (admin test jobs) to admins. */
export function getJobForUser({ jobId, user }: { jobId: string; user: SessionUser }): Job {
  const job = getJob({ jobId });
  if (!job) throw new AppError("not_found:job", "This job does not exist.");
  if (job.studyId) {
    try {
      checkGuard({ spec: { study: { roles: ["organizer"] } }, user, studyId: job.studyId });
    } catch (e) {
      // Reviewers of the study must not learn that a job exists either.
      if (e instanceof AppError && e.type === "forbidden")
        throw new AppError("not_found:job", "This job does not exist.");
      throw e;
    }
  } else if (!user.isAdmin) {
    throw new AppError("not_found:job", "This job does not exist.");
  }
  return job;
}
