// The job system's public API. Handlers register on import, so every module that registers a job
// kind is imported here: whichever bundle starts the runner then knows every kind.
import "@/server/jobs/arena-judge";
import "@/server/jobs/build-chain";
import "@/server/jobs/embed-papers";
import "@/server/jobs/ideation-run";
import "@/server/jobs/normalize-ideas";
import "./prompt-check-job";

export type { ClaimedItem } from "@/db/queries/job-items";
export type { CreateJobInput, JobItemView, JobProgress } from "@/db/queries/jobs";
export { getJob, getJobProgress, listJobs } from "@/db/queries/jobs";
export type { JobItemCounts } from "@/lib/jobs/types";
export {
  DEFAULT_CHECK_PROMPTS,
  PROMPT_CHECK_JOB_KIND,
  type PromptCheckOutput,
  startPromptCheckJob,
} from "./prompt-check-job";
export type { JobContext, JobHandler } from "./registry";
export { getJobHandler, listJobKinds, registerJobHandler } from "./registry";
export type { JobEvent, JobRunnerOptions } from "./runner";
export { cancelJob, enqueueJob, getJobRunner, JobRunner, retryJob, startJobRunner } from "./runner";
