import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { JobProgress } from "@/components/job-progress";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getLlmCallTotals } from "@/db/queries/ai";
import { getArenaConfig } from "@/db/queries/arena-config";
import { getLlmJudgingState, listLlmJudgments } from "@/db/queries/arena-llm";
import { listJobs } from "@/db/queries/jobs";
import { plural } from "@/lib/format";
import { getLlmConfig } from "@/server/ai/providers";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ARENA_JUDGE_JOB_KIND, ARENA_JUDGE_PURPOSE } from "@/server/jobs/arena-judge";
import { StartLlmJudgingForm } from "./_components/start-form";

export const metadata: Metadata = { title: "LLM judge" };

const ACTIVE = new Set(["queued", "running"]);
const verdictText = { a: "A", b: "B", tie: "tie" } as const;

export default async function ArenaLlmJudgePage({
  params,
}: PageProps<"/studies/[studyId]/manage/arena/llm">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const llm = getLlmConfig();
  const model = llm.model ?? "";
  const state = getLlmJudgingState({ studyId, model });
  const criteria = getArenaConfig({ studyId }).criteria.map((c) => c.key);
  const [lastJob] = listJobs({ studyId, kind: ARENA_JUDGE_JOB_KIND, limit: 1 });
  const running = lastJob !== undefined && ACTIVE.has(lastJob.job.status);
  const spend = getLlmCallTotals({ studyId }).byPurposeModel.filter((r) => r.purpose === ARENA_JUDGE_PURPOSE);
  const cost = spend.reduce((s, r) => s + r.costUsd, 0);
  const calls = spend.reduce((s, r) => s + r.calls, 0);
  const judgments = listLlmJudgments({ studyId, limit: 20 });
  const setup = <Link href={`/studies/${studyId}/manage/arena`}>Arena setup</Link>;

  let start: ReactNode;
  if (!llm.configured) {
    start = (
      <Alert tone="warning" testId="llm-not-configured">
        {llm.problem} Human judges can still vote without a model.
      </Alert>
    );
  } else if (state.status !== "arena") {
    start = (
      <Alert tone="info" testId="llm-judge-phase">
        The LLM judge runs during the arena phase; the study is in the {state.status} phase.
      </Alert>
    );
  } else if (state.pairs === 0) {
    start = <p className="text-sm">No pairs are scheduled yet. Schedule pairs on the {setup} page first.</p>;
  } else if (running) {
    start = <p className="text-sm">The LLM judge is running; its progress is shown under “Latest run”.</p>;
  } else if (state.missing.length === 0) {
    start = (
      <p className="text-sm" data-testid="llm-judge-complete">
        {model} has judged every scheduled pair in both orders. Schedule more pairs on the {setup} page, or
        see the <Link href={`/studies/${studyId}/leaderboard`}>leaderboard</Link>.
      </p>
    );
  } else {
    start = (
      <StartLlmJudgingForm
        studyId={studyId}
        model={model}
        missing={state.missing.length}
        resume={state.judged > 0}
      />
    );
  }

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/studies/${studyId}/manage/arena`}>← Arena setup</Link> ·{" "}
        <Link href={`/studies/${studyId}/leaderboard`}>Leaderboard</Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>LLM judge</CardTitle>
          <p className="mb-3 text-sm">
            The configured model compares every scheduled pair twice, once in each order (position swap), on
            each criterion: it reasons first, then answers A, B or tie per criterion. Both judgments are
            stored as matches. An answer that cannot be read is retried, then recorded as a failed item you
            can retry; it never counts as a tie. Orders already judged by this model are skipped.
          </p>
          <p className="mb-3 text-sm" data-testid="llm-judge-state">
            {plural(state.pairs, "scheduled pair")} · {state.judged} of {state.orders} orders judged
            {model ? ` by ${model}` : ""}.
          </p>
          {start}
        </Card>
        <Card>
          <CardTitle>Latest run</CardTitle>
          {lastJob ? <JobProgress jobId={lastJob.job.id} /> : <p className="text-sm">Not run yet.</p>}
          <p className="mt-3 text-xs text-[var(--foreground-soft)]" data-testid="llm-judge-cost">
            {plural(calls, "model call")} for LLM judging so far, estimated ${cost.toFixed(4)}.
          </p>
        </Card>
      </div>
      <Card>
        <CardTitle>Latest LLM judgments</CardTitle>
        {judgments.length === 0 ? (
          <p className="text-sm">
            None yet. They appear here as the judge works, with the model&apos;s reasoning.
          </p>
        ) : (
          <DataTable
            testId="llm-judgments"
            columns={["Idea A (left)", "Idea B (right)", ...criteria, "Reasoning"]}
          >
            {judgments.map((j) => (
              <tr key={j.id} className="border-t border-[var(--border)] align-top">
                <td className="py-1 pr-3 font-mono text-xs">{j.leftCode}</td>
                <td className="py-1 pr-3 font-mono text-xs">{j.rightCode}</td>
                {criteria.map((c) => (
                  <td key={c} className="py-1 pr-3">
                    {j.verdicts[c] ? verdictText[j.verdicts[c]] : "–"}
                  </td>
                ))}
                <td className="max-w-md py-1 pr-3 text-xs">
                  <details>
                    <summary className="cursor-pointer">{j.reasoning.slice(0, 80)}…</summary>
                    <p className="whitespace-pre-wrap">{j.reasoning}</p>
                  </details>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
