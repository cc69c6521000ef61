import { UniqueRateChart } from "@/components/charts/unique-rate-chart";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EMBEDDING_DUPLICATE_THRESHOLD, TFIDF_DUPLICATE_THRESHOLD } from "@/lib/ideation/dedup";
import { type MetricPointRow, uniqueRateRows, uniqueRateSeries } from "@/lib/ideation/unique-rate";

// The overgenerate agents' saturation on the run page: the non-duplicate rate of each seed batch,
// one line per agent and topic, which dedup measure was used, and the totals so far.

export function UniqueRateCard({
  metrics,
  agents,
  topicNames,
}: {
  metrics: readonly MetricPointRow[];
  agents: readonly { agent: string; conditionKey: string }[];
  topicNames: Record<string, string>;
}) {
  const series = uniqueRateSeries(metrics);
  if (series.length === 0) return null;
  const keyed = series.map((s) => ({
    ...s,
    key: `s${s.agentIndex}_${s.topicId}`,
    name: `${agents[s.agentIndex]?.conditionKey ?? s.agentIndex} · ${topicNames[s.topicId] ?? "topic"}`,
  }));
  const methods = new Set(series.map((s) => s.method));
  return (
    <Card>
      <CardTitle>Seed saturation: unique rate per batch</CardTitle>
      <p className="mb-3 text-xs text-[var(--foreground-soft)]" data-testid="dedup-method">
        {methods.has("embeddings")
          ? `Duplicates: cosine similarity of embeddings above ${EMBEDDING_DUPLICATE_THRESHOLD}. `
          : ""}
        {methods.has("tfidf")
          ? `Duplicates: TF-IDF cosine above ${TFIDF_DUPLICATE_THRESHOLD} (no embedding model configured; threshold calibrated on a fixture of near-duplicates). `
          : ""}
        A seed is dropped when it repeats an earlier kept seed.
      </p>
      <UniqueRateChart rows={uniqueRateRows(keyed)} series={keyed.map(({ key, name }) => ({ key, name }))} />
      <DataTable
        testId="unique-rate-table"
        columns={[
          "Agent · topic",
          { label: "Batches", align: "right" },
          { label: "Seeds", align: "right" },
          { label: "Unique", align: "right" },
          { label: "Unique rate", align: "right" },
          { label: "Last batch", align: "right" },
        ]}
      >
        {keyed.map((s) => {
          const last = s.points.at(-1);
          return (
            <tr key={s.key} className="border-t border-[var(--border)]">
              <td className="py-1 pr-3">{s.name}</td>
              <td className="py-1 pr-3 text-right">{s.points.length}</td>
              <td className="py-1 pr-3 text-right">{last?.seeds ?? 0}</td>
              <td className="py-1 pr-3 text-right">{last?.kept ?? 0}</td>
              <td className="py-1 pr-3 text-right">
                {last && last.seeds > 0 ? `${((100 * last.kept) / last.seeds).toFixed(1)}%` : "—"}
              </td>
              <td className="py-1 pr-3 text-right">{last ? `${(100 * last.rate).toFixed(0)}%` : "—"}</td>
            </tr>
          );
        })}
      </DataTable>
    </Card>
  );
}
