import type { Metadata } from "next";
import Link from "next/link";
import { JobProgress } from "@/components/job-progress";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getLlmCallTotals } from "@/db/queries/ai";
import { listLeakFlagsByIdea } from "@/db/queries/idea-leaks";
import { listIdeasForOrganizer } from "@/db/queries/ideas";
import { listJobs } from "@/db/queries/jobs";
import { plural } from "@/lib/format";
import { cleanRewriteIds, normalizationPhaseProblem } from "@/lib/ideas/normalization-queue";
import { getLlmConfig } from "@/server/ai/providers";
import { guardPage } from "@/server/auth/guarded-handlers";
import { NORMALIZE_JOB_KIND } from "@/server/jobs/normalize-ideas";
import { BulkAcceptForm } from "./bulk-accept-form";
import { StartNormalizationForm } from "./start-form";

export const metadata: Metadata = { title: "Normalization" };

export default async function NormalizationPage({
  params,
  searchParams,
}: PageProps<"/studies/[studyId]/manage/normalization">) {
  const { studyId } = await params;
  const { study } = await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const phaseProblem = normalizationPhaseProblem(study.status);
  const onlyHits = (await searchParams).hits === "1";
  const config = getLlmConfig();
  const submitted = listIdeasForOrganizer({ studyId, status: "submitted" });
  const hits = listLeakFlagsByIdea({ studyId });
  const hitCount = (id: string) => hits.get(id)?.length ?? 0;
  const withHits = submitted.filter((i) => hitCount(i.id) > 0).length;
  const ideas = onlyHits ? submitted.filter((i) => hitCount(i.id) > 0) : submitted;
  const clean = new Set(cleanRewriteIds(submitted, hitCount));
  const notYetNormalized = submitted.filter((i) => i.normalizationState !== "done").length;
  const [lastJob] = listJobs({ studyId, kind: NORMALIZE_JOB_KIND, limit: 1 });
  const spend = getLlmCallTotals({ studyId }).byPurposeModel.filter((r) => r.purpose === "normalization");
  const cost = spend.reduce((s, r) => s + r.costUsd, 0);
  const calls = spend.reduce((s, r) => s + r.calls, 0);
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Style normalization</CardTitle>
          <p className="mb-3 text-sm">
            A model rewrites each submitted idea into the template&apos;s sections in one neutral academic
            voice, without adding, removing or renaming content, so that style does not reveal who wrote it.
            You then check each rewrite against its original and accept, edit, or keep the original. Reviewers
            see only the text you choose.
          </p>
          {config.configured ? (
            submitted.length > 0 ? (
              <StartNormalizationForm
                studyId={studyId}
                notYetNormalized={notYetNormalized}
                phaseProblem={phaseProblem}
              />
            ) : (
              <p className="text-sm">No submitted ideas yet.</p>
            )
          ) : (
            <Alert tone="warning" testId="llm-not-configured">
              {config.problem} Without a model you can still choose “use original” for each idea below.
            </Alert>
          )}
        </Card>
        <Card>
          <CardTitle>Latest run</CardTitle>
          {lastJob ? (
            <JobProgress jobId={lastJob.job.id} showItems={false} />
          ) : (
            <p className="text-sm">Not run yet.</p>
          )}
          <p className="mt-3 text-xs text-[var(--foreground-soft)]" data-testid="normalization-cost">
            {plural(calls, "model call")} for normalization so far, estimated ${cost.toFixed(4)}.
          </p>
        </Card>
      </div>
      <Card>
        <CardTitle>
          Submitted ideas (
          {onlyHits ? `${ideas.length} of ${submitted.length}, with leak hits` : ideas.length})
        </CardTitle>
        <p className="mb-3 text-sm" data-testid="hits-filter">
          {withHits} idea{withHits === 1 ? " has" : "s have"} leak-check hits in the text reviewers would see.{" "}
          {onlyHits ? (
            <Link href={`/studies/${studyId}/manage/normalization`}>Show all ideas</Link>
          ) : (
            <Link href={`/studies/${studyId}/manage/normalization?hits=1`} data-testid="filter-has-hits">
              Show only ideas with hits
            </Link>
          )}
        </p>
        {submitted.length > 0 ? (
          <div className="mb-4">
            <BulkAcceptForm
              studyId={studyId}
              ideas={submitted.filter((i) => clean.has(i.id)).map((i) => ({ id: i.id, code: i.code }))}
              phaseProblem={phaseProblem}
            />
          </div>
        ) : null}
        <DataTable
          testId="normalization-table"
          columns={["", "Code", "Title", "Topic", "Condition", "Rewrite", "Leak hits", "Decision", ""]}
        >
          {ideas.map((i) => (
            <tr key={i.id} className="border-t border-[var(--border)]">
              <td className="py-1 pr-3">
                <input
                  type="checkbox"
                  name="ideaIds[]"
                  value={i.id}
                  form="normalize-form"
                  aria-label={`Select ${i.code}`}
                />
              </td>
              <td className="py-1 pr-3 font-mono text-xs">{i.code}</td>
              <td className="py-1 pr-3">{i.fields.title?.trim() || "(untitled)"}</td>
              <td className="py-1 pr-3">{i.topicName}</td>
              <td className="py-1 pr-3">{i.conditionKey}</td>
              <td className="py-1 pr-3">
                <Badge tone={i.normalizationState === "error" ? "demo" : "neutral"}>
                  {i.normalizationState}
                </Badge>
              </td>
              <td className="py-1 pr-3" data-testid={`hits-${i.code}`}>
                {hitCount(i.id) > 0 ? <Badge tone="demo">{hitCount(i.id)}</Badge> : "0"}
              </td>
              <td className="py-1 pr-3" data-testid={`decision-${i.code}`}>
                {i.reviewTextSource ? `${i.normalizationReview} (${i.reviewTextSource})` : "undecided"}
              </td>
              <td className="py-1 pr-3">
                <Link
                  href={`/studies/${studyId}/manage/normalization/${i.id}`}
                  data-testid={`review-${i.code}`}
                >
                  Review
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
