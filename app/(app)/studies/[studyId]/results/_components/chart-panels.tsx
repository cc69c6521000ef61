import Link from "next/link";
import { ChartExport } from "@/components/charts/chart-export";
import { MeanCiChart } from "@/components/charts/mean-ci-chart";
import { ReviewerDiffChart } from "@/components/charts/reviewer-diff-chart";
import { ScoreDistributionChart } from "@/components/charts/score-distribution-chart";
import { TopicMeansChart } from "@/components/charts/topic-means-chart";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { seriesRowsCsv } from "@/lib/charts/export";
import { toCsv } from "@/lib/csv/write";
import type { TidyTable } from "@/lib/stats";
import {
  buildSeries,
  shapeDistribution,
  shapeMeanCi,
  shapeReviewerDiffs,
  shapeTopicMeans,
} from "./chart-data";
import { NumCell } from "./format";

const right = (label: string) => ({ label, align: "right" as const });
const num = (v: unknown) => (typeof v === "number" ? v : null);

/** Each chart with the numbers it draws in a table beside it. */
export function ChartPanels({
  table,
  conditions,
  metrics,
  baseline,
  metric,
  metricHref,
  scale,
}: {
  table: TidyTable;
  /** Every condition in the table, in the study's order (fixes the colors). */
  conditions: string[];
  metrics: string[];
  baseline: string;
  /** The metric of the per-metric charts. */
  metric: string;
  metricHref: (metric: string) => string;
  /** The review form's scale of `metric`. */
  scale?: { min: number; max: number };
}) {
  const series = buildSeries(conditions);
  const meanCi = shapeMeanCi(table, metrics, series);
  const distribution = shapeDistribution(table, metric, series, scale);
  const diffs = shapeReviewerDiffs(table, metric, baseline, series);
  const topicMeans = shapeTopicMeans(table, metric, series);

  return (
    <>
      <Card>
        <CardTitle>Mean ± 95% CI by condition</CardTitle>
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <ChartExport
            name="mean ci by condition"
            csv={toCsv({
              columns: ["metric", "condition", "n", "mean", "ci_low", "ci_high"],
              rows: meanCi.cells.map((c) => [c.metric, c.condition, c.n, c.mean, c.ciLow, c.ciHigh]),
            })}
          >
            <MeanCiChart rows={meanCi.rows} series={meanCi.series} />
          </ChartExport>
          <DataTable
            testId="chart-mean-ci-table"
            className="text-xs"
            columns={["metric", "condition", right("n"), right("mean"), right("ci_low"), right("ci_high")]}
          >
            {meanCi.cells.map((c) => (
              <tr key={`${c.metric}\u0000${c.condition}`} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">{c.metric}</td>
                <td className="py-1 pr-3">{c.condition}</td>
                <NumCell value={c.n} />
                <NumCell value={c.mean} />
                <NumCell value={c.ciLow} />
                <NumCell value={c.ciHigh} />
              </tr>
            ))}
          </DataTable>
        </div>
        <p className="mt-2 text-xs text-[var(--foreground-soft)]">
          Reviews as units: the t interval of each condition&apos;s mean score.
        </p>
      </Card>

      <nav aria-label="Metric of the charts below" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Charts for</span>
        {metrics.map((m) => (
          <Link
            key={m}
            href={metricHref(m)}
            aria-current={m === metric ? "page" : undefined}
            className={`rounded-md border px-2 py-1 ${m === metric ? "border-[var(--accent)] bg-[var(--accent-soft)] font-medium" : "border-[var(--border)]"}`}
            data-testid={`chart-metric-${m}`}
          >
            {m}
          </Link>
        ))}
      </nav>

      <Card>
        <CardTitle>Score distribution: {metric}</CardTitle>
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <ChartExport
            name={`score distribution ${metric}`}
            csv={seriesRowsCsv(distribution.rows, ["score"], distribution.series)}
          >
            <ScoreDistributionChart rows={distribution.rows} series={distribution.series} metric={metric} />
          </ChartExport>
          <DataTable
            testId="chart-distribution-table"
            className="text-xs"
            columns={["score", ...distribution.series.map((s) => right(s.name))]}
          >
            {distribution.rows.map((r) => (
              <tr key={String(r.score)} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">{r.score}</td>
                {distribution.series.map((s) => (
                  <NumCell key={s.key} value={num(r[s.key])} />
                ))}
              </tr>
            ))}
          </DataTable>
        </div>
      </Card>

      <Card>
        <CardTitle>Per-reviewer differences: {metric}</CardTitle>
        {diffs.rows.length === 0 ? (
          <p className="text-sm" data-testid="chart-reviewer-diff">
            No reviewer scored {metric} in both a condition and the baseline &quot;{baseline}&quot;, so there
            is no difference to plot.
          </p>
        ) : (
          <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
            <ChartExport
              name={`reviewer differences ${metric}`}
              csv={seriesRowsCsv(diffs.rows, ["from", "to"], diffs.series)}
            >
              <ReviewerDiffChart rows={diffs.rows} series={diffs.series} baseline={baseline} />
            </ChartExport>
            <DataTable
              testId="chart-reviewer-diff-table"
              className="text-xs"
              columns={["d from", "to", ...diffs.series.map((s) => right(s.name))]}
            >
              {diffs.rows.map((r) => (
                <tr key={String(r.bin)} className="border-t border-[var(--border)]">
                  <NumCell value={num(r.from)} />
                  <NumCell value={num(r.to)} />
                  {diffs.series.map((s) => (
                    <NumCell key={s.key} value={num(r[s.key])} />
                  ))}
                </tr>
              ))}
            </DataTable>
          </div>
        )}
        <p className="mt-2 text-xs text-[var(--foreground-soft)]">
          Each reviewer who scored {metric} in both counts once: d = mean of their scores for the condition −
          mean of their scores for &quot;{baseline}&quot;
          {diffs.counts.length > 0
            ? ` (${diffs.counts.map((c) => `${c.condition}: ${c.reviewers} reviewers`).join(", ")})`
            : ""}
          . Bins include their lower end.
        </p>
      </Card>

      <Card>
        <CardTitle>Mean per topic: {metric}</CardTitle>
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <ChartExport
            name={`mean per topic ${metric}`}
            csv={seriesRowsCsv(topicMeans.rows, ["topic"], topicMeans.series, [{ key: "N", label: " n" }])}
          >
            <TopicMeansChart rows={topicMeans.rows} series={topicMeans.series} />
          </ChartExport>
          <DataTable
            testId="chart-topic-means-table"
            className="text-xs"
            columns={[
              "topic",
              ...topicMeans.series.flatMap((s) => [right(`${s.name} mean`), right(`${s.name} n`)]),
            ]}
          >
            {topicMeans.rows.map((r) => (
              <tr key={String(r.topic)} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">{r.topic}</td>
                {topicMeans.series.flatMap((s) => [
                  <NumCell key={s.key} value={num(r[s.key])} />,
                  <NumCell key={`${s.key}N`} value={num(r[`${s.key}N`])} />,
                ])}
              </tr>
            ))}
          </DataTable>
        </div>
      </Card>
    </>
  );
}
