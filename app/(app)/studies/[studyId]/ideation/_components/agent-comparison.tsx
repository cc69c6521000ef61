import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { AgentComparisonView } from "@/server/ideation/compare-view";

// Agents side by side (issue 14): every run's agents with their ideas, seeds, unique rate, cost per
// kept idea, tokens, time and failures. Cost per idea counts every call the agent made (discarded
// seeds and candidates included), cached calls at $0.

const usd = (v: number | null) => (v === null ? "—" : `$${v.toFixed(4)}`);
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const secs = (ms: number) =>
  ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;

export function AgentComparison({ studyId, rows }: { studyId: string; rows: AgentComparisonView[] }) {
  if (rows.length === 0) return null;
  return (
    <Card>
      <CardTitle>Agents compared</CardTitle>
      <DataTable
        testId="agent-comparison"
        columns={[
          "Run",
          "Agent → condition",
          { label: "Ideas", align: "right" },
          { label: "Seeds", align: "right" },
          { label: "Unique rate", align: "right" },
          { label: "Cost per idea", align: "right" },
          { label: "Tokens in/out", align: "right" },
          { label: "Time", align: "right" },
          { label: "Failures", align: "right" },
        ]}
      >
        {rows.map((r) => (
          <tr key={`${r.runId}/${r.agentIndex}`} className="border-t border-[var(--border)]">
            <td className="py-1 pr-3">
              <Link href={`/studies/${studyId}/ideation/${r.runId}`}>
                {new Date(r.createdAt).toISOString().slice(0, 16).replace("T", " ")}
              </Link>
            </td>
            <td className="py-1 pr-3">
              {r.label} → {r.conditionKey}
            </td>
            <td className="py-1 pr-3 text-right">{r.ideas}</td>
            <td className="py-1 pr-3 text-right">{r.seeds === null ? "—" : int(r.seeds)}</td>
            <td className="py-1 pr-3 text-right">
              {r.uniqueRate === null ? "—" : `${(100 * r.uniqueRate).toFixed(1)}% (${r.uniqueSeeds})`}
            </td>
            <td className="py-1 pr-3 text-right">{usd(r.costPerIdeaUsd)}</td>
            <td className="py-1 pr-3 text-right">
              {int(r.tokensIn)} / {int(r.tokensOut)}
            </td>
            <td className="py-1 pr-3 text-right">{secs(r.timeMs)}</td>
            <td className="py-1 pr-3 text-right">
              {r.failedItems + r.failedCalls === 0 ? "0" : `${r.failedItems} items, ${r.failedCalls} calls`}
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
