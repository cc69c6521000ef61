import type { Metadata } from "next";
import Link from "next/link";
import { JobProgress } from "@/components/job-progress";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listJobs } from "@/db/queries/jobs";
import { listAllStudies } from "@/db/queries/studies";
import { formatUtcDateTime } from "@/lib/format";
import { getLlmConfig } from "@/server/ai/providers";
import { guardPage } from "@/server/auth/guarded-handlers";
import { StartTestJobForm } from "./start-test-job-form";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  await guardPage({ admin: true });
  const config = getLlmConfig();
  const jobs = listJobs({ limit: 20 });
  const studyTitles = new Map(listAllStudies().map((s) => [s.id, s.title]));
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Long LLM work (normalization, LLM judging, ideation) runs here item by item, survives restarts, and can be cancelled."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Test job</CardTitle>
          <p className="mb-3 text-sm">Sends a few prompts to the configured model through the job runner.</p>
          {config.configured ? null : (
            <div className="mb-3">
              <Alert tone="warning" testId="llm-not-configured">
                {config.problem}
              </Alert>
            </div>
          )}
          <StartTestJobForm />
        </Card>
        <Card>
          <CardTitle>Recent jobs</CardTitle>
          {jobs.length === 0 ? (
            <p className="text-sm text-[var(--foreground-soft)]">
              No jobs yet. Start a test job to see the runner at work.
            </p>
          ) : (
            <ul className="space-y-4" data-testid="job-list">
              {jobs.map((j) => (
                <li key={j.job.id} data-testid="job-row">
                  <p className="mb-1 text-xs text-[var(--foreground-soft)]">
                    {formatUtcDateTime(j.job.createdAt, { seconds: true })} ·{" "}
                    <span data-testid="job-study">
                      {j.job.studyId ? (
                        <Link href={`/studies/${j.job.studyId}`}>
                          {studyTitles.get(j.job.studyId) ?? "a deleted study"}
                        </Link>
                      ) : (
                        "no study"
                      )}
                    </span>
                  </p>
                  <JobProgress jobId={j.job.id} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
