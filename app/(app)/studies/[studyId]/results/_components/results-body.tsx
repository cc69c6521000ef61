import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import {
  buildPaperTable,
  familyText,
  paperCaption,
  type ReviewAnalysis,
  readResults,
  type TidyTable,
  type Unit,
} from "@/lib/stats";
import { ChartPanels } from "./chart-panels";
import { AgreementTable, DescriptivesTable } from "./descriptive-tables";
import { Downloads } from "./downloads";
import { SignificanceTable, TopicSignificanceTable } from "./significance-table";
import { CORRECTION_NAMES, SummaryLines } from "./summary-lines";
import { SummaryTable } from "./summary-table";

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
  scales,
  controls,
  reviewTableShared = true,
}: {
  studyId: string;
  analysis: ReviewAnalysis;
  table: TidyTable;
  conditions: string[];
  metric: string;
  metricHref: (metric: string) => string;
  downloadQuery: Record<string, string>;
  /** Each metric's scale on the review form, so a distribution shows scores nobody gave. */
  scales?: Record<string, { min: number; max: number }>;
  /** Shown right after the summary (the live page's parameters and publishing). */
  controls?: ReactNode;
  /** False where this viewer may not download the per-review table (see the download route). */
  reviewTableShared?: boolean;
}) {
  const { params } = analysis;
  return (
    <div className="space-y-6">
      <Card data-testid="results-summary-card">
        <CardTitle>Summary</CardTitle>
        <ul className="mb-3 space-y-1 text-sm font-medium" data-testid="result-reading">
          {readResults(analysis.significance).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {analysis.warnings.length > 0 ? <WarningSummary warnings={analysis.warnings} /> : null}
        <SummaryTable analysis={analysis} />
        <p className="mt-3 text-xs text-[var(--foreground-soft)]">
          From {table.rows.length} reviews. {paperCaption(params, buildPaperTable(analysis))} Hover a number
          for its exact value.
        </p>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer">Every significant result in words</summary>
          <div className="mt-2">
            <SummaryLines analysis={analysis} />
          </div>
        </details>
      </Card>

      {controls}

      <Card>
        <CardTitle>Downloads</CardTitle>
        <Downloads
          studyId={studyId}
          query={downloadQuery}
          params={params}
          reviewTableShared={reviewTableShared}
        />
      </Card>

      <Card>
        <CardTitle>All columns</CardTitle>
        <p className="mb-3 text-xs text-[var(--foreground-soft)]">
          Every column of significance.csv per unit (hover a header for its CSV name, a number for its exact
          value); p-values adjusted with {CORRECTION_NAMES[params.correction]} over {familyText(params)}.
        </p>
        {UNITS.map(({ unit, title, how }) => (
          <details key={unit} className="border-t border-[var(--border)] py-2" data-testid={`full-${unit}`}>
            <summary className="cursor-pointer text-sm font-medium">{title}</summary>
            <p className="my-2 text-xs text-[var(--foreground-soft)]">{how}</p>
            <SignificanceTable
              rows={analysis.significance.filter((r) => r.unit === unit)}
              testId={`significance-${unit}`}
            />
          </details>
        ))}
      </Card>

      <div id="charts" className="space-y-6">
        <ChartPanels
          table={table}
          conditions={conditions}
          metrics={params.metrics}
          baseline={params.baseline}
          metric={metric}
          metricHref={metricHref}
          scale={scales?.[metric]}
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

/** The warnings in one line, the list on demand. */
function WarningSummary({ warnings }: { warnings: string[] }) {
  return (
    <div className="mb-3">
      <Alert tone="warning" testId="results-warnings">
        <details>
          <summary className="cursor-pointer">
            Read these numbers with care: {warnings.length} warning{warnings.length === 1 ? "" : "s"} (
            {warnings[0]}
            {warnings.length > 1 ? "; …" : ""})
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      </Alert>
    </div>
  );
}
