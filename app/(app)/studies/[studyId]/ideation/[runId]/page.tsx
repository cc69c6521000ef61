import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { plural } from "@/lib/format";
import { RUN_STATUS_LABELS } from "@/lib/ideation/run-types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { arenaAfterIdeationPlan } from "@/server/ideation/arena-after";
import { getRunView } from "@/server/ideation/run-view";
import { ArenaAfterButton } from "./_components/arena-after-button";
import { AutoRefresh } from "./_components/auto-refresh";
import { RunControls } from "./_components/run-controls";
import { UniqueRateCard } from "./_components/unique-rate-card";

export const metadata: Metadata = { title: "Ideation run" };

const usd = (v: number) => `$${v.toFixed(4)}`;
const tokens = (v: number) => Math.round(v).toLocaleString("en-US");

/** One run as its organizer follows it: staged progress, cost per stage and per idea, failures, ideas. */
export default async function IdeationRunPage({ params }: PageProps<"/studies/[studyId]/ideation/[runId]">) {
  const { studyId, runId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  if (!/^[0-9a-f-]{36}$/.test(runId)) notFound();
  let view: ReturnType<typeof getRunView>;
  try {
    view = getRunView({ studyId, runId });
  } catch {
    notFound();
  }
  const { run, status, costs } = view;
  const resumable = !view.active && view.items.some((i) => !i.finished);
  return (
    <div className="space-y-6" data-testid="ideation-run">
      <AutoRefresh active={view.active} />
      <p className="text-sm">
        <Link href={`/studies/${studyId}/ideation`}>← All runs</Link>
      </p>
      <PageHeader
        title="Ideation run"
        description={`${run.agents.map((a) => `${a.agent} → ${a.conditionKey}`).join(", ")} · model ${run.model} · seed ${run.seed} · keep ${run.keep}`}
        actions={
          <RunControls
            studyId={studyId}
            runId={run.id}
            active={view.active}
            resumable={resumable}
            budgetUsd={run.budgetUsd}
          />
        }
      />
      <Card>
        <CardTitle>Status</CardTitle>
        <p className="text-sm">
          <span data-testid="run-status">{RUN_STATUS_LABELS[status]}</span> · spent{" "}
          <span data-testid="run-spent">{usd(costs.total.costUsd)}</span> of the {usd(run.budgetUsd)} budget ·{" "}
          {tokens(costs.total.tokensIn)} tokens in, {tokens(costs.total.tokensOut)} out ·{" "}
          {plural(costs.total.calls, "call")} ({costs.total.cached} cached) · estimated total{" "}
          <span data-testid="run-estimate">
            {costs.estimatedTotalUsd === null ? "known after the first topic" : usd(costs.estimatedTotalUsd)}
          </span>
        </p>
        {costs.unpriced ? (
          <p className="text-xs">Some calls used a model without a price: their cost is counted as $0.</p>
        ) : null}
        {status === "paused_at_budget" ? (
          <Alert tone="warning">
            The run stopped at its budget. What was finished is kept; raise the budget to resume.
          </Alert>
        ) : null}
        {view.jobError ? <Alert tone="error">{view.jobError}</Alert> : null}
      </Card>
      <Card>
        <CardTitle>Progress</CardTitle>
        <DataTable columns={["Agent → condition", "Topic", "Ideas", "Stages", "State"]} testId="run-progress">
          {view.items.map((i) => (
            <tr key={`${i.agentIndex}/${i.topicId}`} className="border-t border-[var(--border)] align-top">
              <td className="py-1 pr-3">
                {i.agentLabel} → {i.conditionKey}
              </td>
              <td className="py-1 pr-3">{i.topicName}</td>
              <td className="py-1 pr-3">{i.n}</td>
              <td className="py-1 pr-3 text-xs">
                {i.stages.length === 0
                  ? "not started"
                  : i.stages.map((s) => `${s.stage} ${s.done}/${s.total}`).join(" · ")}
              </td>
              <td className="py-1 pr-3" data-testid="run-item-state">
                {i.finished ? (
                  "finished"
                ) : i.error ? (
                  <span className="text-red-700">failed: {i.error}</span>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
      {view.ideas.length > 0 && !view.active ? (
        <ArenaAfterButton
          studyId={studyId}
          runId={run.id}
          conditionKeys={arenaAfterIdeationPlan({ studyId, runId: run.id }).conditionKeys}
          topicNames={[...new Set(view.items.map((i) => i.topicName))]}
        />
      ) : null}
      <UniqueRateCard
        metrics={view.metrics}
        agents={run.agents}
        topicNames={Object.fromEntries(view.items.map((i) => [i.topicId, i.topicName]))}
      />
      <Card>
        <CardTitle>Cost per stage</CardTitle>
        <DataTable
          columns={[
            "Stage",
            { label: "Calls", align: "right" },
            { label: "Cached", align: "right" },
            { label: "Tokens in", align: "right" },
            { label: "Tokens out", align: "right" },
            { label: "Cost", align: "right" },
          ]}
          testId="run-stage-costs"
        >
          {costs.byStage.map((s) => (
            <tr key={s.stage} className="border-t border-[var(--border)]">
              <td className="py-1 pr-3">{s.stage}</td>
              <td className="py-1 pr-3 text-right">{s.calls}</td>
              <td className="py-1 pr-3 text-right">{s.cached}</td>
              <td className="py-1 pr-3 text-right">{tokens(s.tokensIn)}</td>
              <td className="py-1 pr-3 text-right">{tokens(s.tokensOut)}</td>
              <td className="py-1 pr-3 text-right">{usd(s.costUsd)}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card>
        <CardTitle>Generated ideas ({view.ideas.length})</CardTitle>
        {view.ideas.length === 0 ? (
          <p className="text-sm">No idea written yet.</p>
        ) : (
          <DataTable
            columns={[
              "Idea",
              "Topic",
              "Novelty",
              { label: "Calls", align: "right" },
              { label: "Tokens in/out", align: "right" },
              { label: "Cost per idea", align: "right" },
            ]}
            testId="run-ideas"
          >
            {view.ideas.map((idea) => {
              const cost = costs.ideas.find(
                (c) =>
                  c.agentIndex === idea.agentIndex &&
                  c.topicId === idea.topicId &&
                  c.candidate === idea.candidate,
              );
              return (
                <tr key={idea.ideaId} className="border-t border-[var(--border)]">
                  <td className="py-1 pr-3">
                    <Link href={`/studies/${studyId}/manage/ideas/${idea.ideaId}`}>
                      <span className="font-mono">{idea.code}</span> · {idea.title}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">{idea.topicName}</td>
                  <td className="py-1 pr-3">{idea.noveltyStatus ?? "—"}</td>
                  <td className="py-1 pr-3 text-right">{cost ? cost.calls.toFixed(1) : "—"}</td>
                  <td className="py-1 pr-3 text-right">
                    {cost ? `${tokens(cost.tokensIn)} / ${tokens(cost.tokensOut)}` : "—"}
                  </td>
                  <td className="py-1 pr-3 text-right">{cost ? usd(cost.costUsd) : "—"}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
