import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import type { ReviewAnalysis, TidyTable, Unit } from "@/lib/stats";
import { ChartPanels } from "./chart-panels";
import { AgreementTable, DescriptivesTable } from "./descriptive-tables";
import { Downloads } from "./downloads";
import { SignificanceTable, TopicSignificanceTable } from "./significance-table";
import { CORRECTION_NAMES, SummaryLines } from "./summary-lines";

const UNITS: { unit: Unit; title: string; how: string }[] = [
  {
    unit: "review",
    title: "Reviews as units",
    how: "Each review is one observation; Welch two-sample t-test, Hedges' g, Mann–Whitney U as robustness check.",
  },
  {
    unit: "idea",
    title: "Ideas as units",
    how: "Each idea's reviews are averaged first (an idea under two conditions counts once in each); Welch t-test on those means, Hedges' g, Mann–Whitney U.",
  },
  {
    unit: "reviewer",
    title: "Reviewers as units",
    how: "For each reviewer who reviewed both conditions, d = mean(condition) − mean(baseline); one-sample t-test of d against 0, Cohen's d_z, Wilcoxon signed-rank.",
  },
];

/** Everything the results show, for the live analysis and for a published snapshot alike. */
export function ResultsBody({
  studyId,
  analysis,
  table,
  conditions,
  metric,
  metricHref,
  downloadQuery,
  reviewTableShared = true,
}: {
  studyId: string;
  analysis: ReviewAnalysis;
  table: TidyTable;
  conditions: string[];
  metric: string;
  metricHref: (metric: string) => string;
  downloadQuery: Record<string, string>;
  /** False where this viewer may not download the per-review table (see the download route). */
  reviewTableShared?: boolean;
}) {
  const { params } = analysis;
  const family =
    params.family === "comparison"
      ? `the ${params.metrics.length} metrics of one unit and one comparison`
      : "all tests of one unit";
  return (
    <div className="space-y-6">
      {analysis.warnings.length > 0 ? (
        <Alert tone="warning" testId="results-warnings">
          <p className="font-medium">Read these numbers with care:</p>
          <ul className="list-disc pl-5">
            {analysis.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card>
        <CardTitle>Summary</CardTitle>
        <SummaryLines analysis={analysis} />
        <p className="mt-3 text-xs text-[var(--foreground-soft)]">
          From {table.rows.length} reviews. Baseline &quot;{params.baseline}&quot;; p-values adjusted with{" "}
          {CORRECTION_NAMES[params.correction]} over {family}. Stars from the adjusted p: * &lt; 0.05, ** &lt;
          0.01, *** &lt; 0.001.
        </p>
      </Card>

      <Card>
        <CardTitle>Downloads</CardTitle>
        <Downloads
          studyId={studyId}
          query={downloadQuery}
          params={params}
          reviewTableShared={reviewTableShared}
        />
      </Card>

      {UNITS.map(({ unit, title, how }) => (
        <Card key={unit}>
          <CardTitle>{title}</CardTitle>
          <p className="mb-3 text-xs text-[var(--foreground-soft)]">
            {how} Rounded for display; hover a number for its full value.
          </p>
          <SignificanceTable
            rows={analysis.significance.filter((r) => r.unit === unit)}
            testId={`significance-${unit}`}
          />
        </Card>
      ))}

      <div id="charts" className="space-y-6">
        <ChartPanels
          table={table}
          conditions={conditions}
          metrics={params.metrics}
          baseline={params.baseline}
          metric={metric}
          metricHref={metricHref}
        />
      </div>

      <Card>
        <CardTitle>Per topic</CardTitle>
        <p className="mb-3 text-xs text-[var(--foreground-soft)]">
          Reviews as units within each topic; p-values adjusted across topics (per metric and comparison) with{" "}
          {CORRECTION_NAMES[params.correction]}.
        </p>
        <TopicSignificanceTable rows={analysis.topics} />
      </Card>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardTitle>Descriptives</CardTitle>
          <DescriptivesTable rows={analysis.descriptives} />
        </Card>
        <Card>
          <CardTitle>Agreement</CardTitle>
          <AgreementTable rows={analysis.agreement} />
        </Card>
      </div>
    </div>
  );
}
