import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getOpenWork, openAssignments } from "@/db/queries/open-work";
import {
  getResultSnapshot,
  listResultSnapshots,
  loadResultsTable,
  membersMayDownloadReviews,
  readSnapshotResults,
} from "@/db/queries/results";
import { getReviewSetup } from "@/db/queries/review-setup";
import { type AppError, isAppError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format";
import { analyzeResultsTable, type StudyResults } from "@/lib/stats/study-results";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ParamsForm } from "./_components/params-form";
import { PublishForm } from "./_components/publish-form";
import { ResultsBody } from "./_components/results-body";
import { SnapshotList } from "./_components/snapshot-list";
import { CORRECTION_NAMES } from "./_components/summary-lines";

export const metadata: Metadata = { title: "Results" };

/** Each metric's scale on the study's review form (fixed once reviews exist). */
function formScales(studyId: string): Record<string, { min: number; max: number }> {
  const { form } = getReviewSetup({ studyId });
  return Object.fromEntries(form.metrics.map((m) => [m.key, { min: m.scale.min, max: m.scale.max }]));
}

const pick = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** A link to this page with these query parameters (empty ones left out), jumping to the charts. */
function hrefFor(studyId: string, query: Record<string, string | undefined>, hash = "") {
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return `/studies/${studyId}/results${search ? `?${search}` : ""}${hash}`;
}

export default async function ResultsPage({ params, searchParams }: PageProps<"/studies/[studyId]/results">) {
  const { studyId } = await params;
  const { roles } = await guardPage({ study: { roles: "member" } }, { studyId });
  const organizer = roles.includes("organizer");
  const sp = await searchParams;
  const snapshots = listResultSnapshots({ studyId });
  const snapshotId = pick(sp.snapshot);
  const metric = pick(sp.metric);

  if (snapshotId === undefined && organizer) {
    return (
      <LiveResults
        studyId={studyId}
        snapshots={snapshots}
        input={{ baseline: pick(sp.baseline), correction: pick(sp.correction), family: pick(sp.family) }}
        metric={metric}
      />
    );
  }
  // Everyone else sees published snapshots only: the latest unless another is asked for.
  const id = snapshotId ?? snapshots[0]?.id;
  const snapshot = id === undefined ? undefined : getResultSnapshot({ studyId, snapshotId: id });
  if (snapshot === undefined) notFound();
  const { analysis, table, conditions } = readSnapshotResults({ studyId, snapshot });
  const current = loadResultsTable({ studyId });
  const stale = current.hash !== snapshot.tableHash;
  const { baseline, correction, family } = snapshot.params;
  const chartMetric =
    metric && analysis.params.metrics.includes(metric) ? metric : analysis.params.metrics[0];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Results"
        description="Published results: the tables, plots and files exactly as they were published."
      />
      <Card data-testid="snapshot-info">
        <p className="text-sm">
          Published {formatUtcDateTime(snapshot.createdAt)}
          {snapshot.publishedByName ? ` by ${snapshot.publishedByName}` : ""} from {snapshot.reviewCount}{" "}
          reviews: baseline <strong>{baseline}</strong>, {CORRECTION_NAMES[correction]} correction, family{" "}
          {family === "comparison" ? "per comparison" : "per unit"}.
          {snapshot.id === snapshots[0]?.id ? " This is the latest publication." : " A newer one exists."}
        </p>
        {organizer ? (
          <p className="mt-2 text-sm">
            <Link href={hrefFor(studyId, { baseline, correction, family })}>
              Open the live analysis with these parameters
            </Link>
          </p>
        ) : null}
      </Card>
      {stale ? (
        <Alert tone="warning" testId="snapshot-stale">
          <p>
            Reviews changed since this snapshot was made: it was computed from {snapshot.reviewCount} reviews,
            and the study now has {current.reviewCount} submitted reviews
            {current.reviewCount === snapshot.reviewCount ? " (some were edited or replaced)" : ""}.
            {organizer ? "" : " The organizers can publish updated results."}
          </p>
          {organizer ? (
            <div className="mt-2">
              <PublishForm
                studyId={studyId}
                params={snapshot.params}
                openAssignments={openAssignments(getOpenWork({ studyId }))}
                label="Recompute and publish again"
                testId="republish-results"
              />
            </div>
          ) : null}
        </Alert>
      ) : null}
      {chartMetric === undefined ? null : (
        <ResultsBody
          studyId={studyId}
          analysis={analysis}
          table={table}
          conditions={conditions}
          metric={chartMetric}
          metricHref={(m) => hrefFor(studyId, { snapshot: snapshot.id, metric: m }, "#charts")}
          downloadQuery={{ snapshot: snapshot.id }}
          scales={formScales(studyId)}
          reviewTableShared={organizer || membersMayDownloadReviews(snapshot)}
        />
      )}
      <Card>
        <CardTitle>Published snapshots</CardTitle>
        <SnapshotList studyId={studyId} snapshots={snapshots} current={snapshot.id} />
      </Card>
    </div>
  );
}

function LiveResults({
  studyId,
  snapshots,
  input,
  metric,
}: {
  studyId: string;
  snapshots: ReturnType<typeof listResultSnapshots>;
  input: { baseline?: string; correction?: string; family?: string };
  metric?: string;
}) {
  const loaded = loadResultsTable({ studyId });
  const snapshotCard = (
    <Card>
      <CardTitle>Published snapshots</CardTitle>
      <SnapshotList studyId={studyId} snapshots={snapshots} />
    </Card>
  );
  const header = (
    <PageHeader
      title="Results"
      description="Significance tests at three units of analysis (review, idea, reviewer), computed live from the submitted reviews. Only organizers see this until you publish."
    />
  );

  if (loaded.reviewCount === 0) {
    return (
      <div className="space-y-6">
        {header}
        <Card data-testid="results-empty">
          <CardTitle>No results yet</CardTitle>
          <p className="text-sm">
            No submitted reviews yet. Results appear here once reviewers submit reviews, or once you import
            external reviews on the <Link href={`/studies/${studyId}/manage/reviews`}>Reviews page</Link>.
          </p>
        </Card>
        {snapshotCard}
      </div>
    );
  }

  let results: StudyResults | null = null;
  let problem: AppError | null = null;
  try {
    results = analyzeResultsTable(loaded, input);
  } catch (e) {
    if (!isAppError(e) || e.code !== "invalid:results") throw e;
    problem = e;
  }
  const values = {
    baseline: results?.params.baseline ?? input.baseline ?? loaded.defaultBaseline ?? "",
    correction: results?.params.correction ?? input.correction ?? "bonferroni",
    family: results?.params.family ?? input.family ?? "comparison",
  };
  const metrics = results?.params.metrics ?? [];
  const chartMetric = metric && metrics.includes(metric) ? metric : metrics[0];

  const paramsCard = (
    <Card>
      <CardTitle>Parameters</CardTitle>
      <ParamsForm
        key={`${values.baseline}\u0000${values.correction}\u0000${values.family}`}
        conditions={loaded.conditions}
        values={values}
        metric={chartMetric}
        errors={problem?.fieldErrors}
      />
      {problem ? (
        <div className="mt-3">
          <Alert tone="error" testId="results-params-error">
            {problem.message}
          </Alert>
        </div>
      ) : null}
      {results ? (
        <div className="mt-4 space-y-2 border-t border-[var(--border)] pt-4">
          <p className="text-sm">
            Publishing stores these tables, plots and files as a snapshot that every member of the study can
            open, including the review table (reviewer pseudonyms, idea ids, conditions and rationales). Older
            snapshots stay listed.
          </p>
          <PublishForm
            studyId={studyId}
            params={results.params}
            openAssignments={openAssignments(getOpenWork({ studyId }))}
          />
        </div>
      ) : null}
    </Card>
  );

  return (
    <div className="space-y-6">
      {header}
      {results && chartMetric !== undefined ? (
        <ResultsBody
          studyId={studyId}
          analysis={results.analysis}
          table={results.table}
          conditions={results.conditions}
          metric={chartMetric}
          metricHref={(m) => hrefFor(studyId, { ...values, metric: m }, "#charts")}
          downloadQuery={values}
          scales={formScales(studyId)}
          controls={paramsCard}
        />
      ) : (
        paramsCard
      )}
      {snapshotCard}
    </div>
  );
}
