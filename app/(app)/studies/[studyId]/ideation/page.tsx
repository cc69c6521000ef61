import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { getStudySettings } from "@/db/queries/study-settings";
import { RUN_STATUS_LABELS } from "@/lib/ideation/run-types";
import { getLlmConfig } from "@/server/ai/providers";
import { guardPage } from "@/server/auth/guarded-handlers";
import { listIdeationAgents } from "@/server/ideation/agents";
import { listAgentComparison } from "@/server/ideation/compare-view";
import { listRunSummaries } from "@/server/ideation/run-view";
import { AgentComparison } from "./_components/agent-comparison";
import { StartRunForm } from "./_components/start-run-form";

export const metadata: Metadata = { title: "Ideation" };

const DEFAULT_CONDITIONS: Record<string, string> = {
  coi: "CoI",
  overgenerate: "ODR",
  rag: "RAG",
  direct: "Direct",
};
const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Organizers start LLM ideation runs into study conditions and follow them. */
export default async function IdeationPage({ params }: PageProps<"/studies/[studyId]/ideation">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const { study, topics } = getStudySettings({ studyId });
  const runs = listRunSummaries({ studyId });
  const canStart = study.status === "setup" || study.status === "writing";
  return (
    <div className="space-y-6" data-testid="ideation-page">
      <PageHeader
        title="Ideation"
        description="AI agents write ideas into a condition of this study; the ideas then go through normalization, blind review and the arena like any other."
      />
      <Card>
        <CardTitle>Start a run</CardTitle>
        {!canStart ? (
          <p className="text-sm">
            Runs add ideas, so they start only while the study is in setup or writing.
          </p>
        ) : topics.length === 0 ? (
          <p className="text-sm">
            Add topics first in <Link href={`/studies/${studyId}/settings`}>Settings</Link>.
          </p>
        ) : (
          <StartRunForm
            studyId={studyId}
            agents={listIdeationAgents().map((a) => ({
              id: a.id,
              label: a.label,
              defaultCondition: DEFAULT_CONDITIONS[a.id] ?? a.id,
            }))}
            topics={topics.map((t) => ({ id: t.id, name: t.name }))}
            defaultModel={getLlmConfig().model ?? ""}
          />
        )}
      </Card>
      <Card>
        <CardTitle>Runs</CardTitle>
        {runs.length === 0 ? (
          <p className="text-sm">No runs yet.</p>
        ) : (
          <DataTable
            columns={[
              "Started",
              "Agents → condition",
              "Topics",
              "Model",
              "Status",
              { label: "Spent", align: "right" },
              { label: "Ideas", align: "right" },
            ]}
            testId="ideation-runs"
          >
            {runs.map((r) => (
              <tr key={r.run.id} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">
                  <Link href={`/studies/${studyId}/ideation/${r.run.id}`}>{utc(r.run.createdAt)}</Link>
                </td>
                <td className="py-1 pr-3">{r.agentLabels.join(", ")}</td>
                <td className="py-1 pr-3">{r.run.topics.length}</td>
                <td className="py-1 pr-3 font-mono text-xs">{r.run.model}</td>
                <td className="py-1 pr-3" data-testid="run-status">
                  {RUN_STATUS_LABELS[r.status]}
                </td>
                <td className="py-1 pr-3 text-right">
                  ${r.spentUsd.toFixed(4)} of ${r.run.budgetUsd.toFixed(2)}
                </td>
                <td className="py-1 pr-3 text-right">{r.ideas}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <AgentComparison studyId={studyId} rows={listAgentComparison({ studyId })} />
      <p className="text-sm">
        <Link href={`/studies/${studyId}/ideation/similarity`}>Idea similarity map</Link>: how alike the ideas
        of each condition are, and the most similar pairs across conditions.
      </p>
    </div>
  );
}
