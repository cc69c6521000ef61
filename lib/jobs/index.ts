// The job system's public API. Handlers register on import, so every module that registers a job
// kind is imported here: whichever bundle starts the runner then knows every kind.
import "@/lib/arena-judge/job";
import "@/lib/ideas/normalize-job";
import "@/server/jobs/embed-papers";
import "./test-job";

export type {
  ClaimedItem,
  CreateJobInput,
  JobItemCounts,
  JobItemView,
  JobProgress,
} from "@/db/queries/jobs";
export { getJob, getJobProgress, listJobs } from "@/db/queries/jobs";
export type { JobContext, JobHandler } from "./registry";
export { getJobHandler, listJobKinds, registerJobHandler } from "./registry";
export type { JobEvent, JobRunnerOptions } from "./runner";
export { cancelJob, enqueueJob, getJobRunner, JobRunner, retryJob, startJobRunner } from "./runner";
export { DEFAULT_TEST_PROMPTS, startTestJob, TEST_JOB_KIND, type TestJobOutput } from "./test-job";
