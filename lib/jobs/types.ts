// Job and job-item states; db/schema/jobs.ts types its columns with these.

export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_ITEM_STATUSES = ["pending", "running", "done", "error", "cancelled"] as const;
export type JobItemStatus = (typeof JOB_ITEM_STATUSES)[number];

/** How many of a job's items are in each state; the progress bar in components/job-progress.tsx shows them. */
export type JobItemCounts = { total: number } & Record<JobItemStatus, number>;
