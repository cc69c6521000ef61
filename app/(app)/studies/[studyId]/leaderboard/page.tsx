import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingCiChart } from "@/components/charts/rating-ci-chart";
import { WinRateHeatmap } from "@/components/charts/winrate-heatmap";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import {
  getArenaSnapshot,
  getArenaStaleness,
  getIdeaConditionsByCode,
  getLiveArenaResults,
  listArenaSnapshots,
} from "@/db/queries/arena-results";
import {
  ARENA_FILE_NAMES,
  type ArenaFiles,
  type ArenaParams,
  arenaCliCommand,
} from "@/lib/arena/leaderboard-outputs";
import { buildLeaderboardView } from "@/lib/arena/leaderboard-view";
import { formatCount, formatUtcDateTime } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import { AgreementTable } from "./_components/agreement-table";
import { CriterionTabs } from "./_components/criterion-tabs";
import { PublishLeaderboardForm } from "./_components/publish-form";
import { RatingTable } from "./_components/rating-table";
import { SnapshotList } from "./_components/snapshot-list";

export const metadata: Metadata = { title: "Leaderboard" };

type Shown = {
  snapshotId: string | null;
  files: ArenaFiles;
  problems: string[];
  params: ArenaParams;
  matchCount: number;
  matchesHash: string;
  description: string;
};

export default async function LeaderboardPage({
  params,
  searchParams,
}: PageProps<"/studies/[studyId]/leaderboard">) {
  const { studyId } = await params;
  const query = await searchParams;
  const { roles } = await guardPage({ study: { roles: "member" } }, { studyId });
  const organizer = roles.includes("organizer");
  const snapshots = listArenaSnapshots({ studyId });
  const asked = typeof query.snapshot === "string" ? query.snapshot : undefined;
  const criterion = typeof query.criterion === "string" ? query.criterion : undefined;

  // Organizers see the live board unless they pick a snapshot; members only ever see published ones.
  const live = !asked && organizer ? getLiveArenaResults({ studyId }) : undefined;
  const snapshotId = asked ?? (organizer ? undefined : snapshots[0]?.id);
  const snapshot = snapshotId ? getArenaSnapshot({ studyId, snapshotId }) : undefined;
  let shown: Shown;
  if (live) {
    shown = {
      snapshotId: null,
      ...live,
      description: `Live results: ${live.matchCount} matches (${live.verdictCount} verdicts), recomputed on every visit.`,
    };
  } else if (snapshot) {
    shown = {
      snapshotId: snapshot.id,
      ...snapshot,
      description: `Published ${formatUtcDateTime(snapshot.createdAt)}${snapshot.publishedBy ? ` by ${snapshot.publishedBy}` : ""}: ${snapshot.matchCount} matches.`,
    };
  } else {
    notFound();
  }

  const staleness = live ? getArenaStaleness({ studyId, live }) : null;
  const suffix = shown.snapshotId ? `&snapshot=${shown.snapshotId}` : "";
  const download = (file: string) => `/api/studies/${studyId}/arena/download?file=${file}${suffix}`;
  const hrefFor = (c: string) =>
    `/studies/${studyId}/leaderboard?criterion=${encodeURIComponent(c)}${suffix}`;
  const p = shown.params;

  const header = (
    <PageHeader
      title="Leaderboard"
      description={
        <span data-testid="leaderboard-source">
          {shown.description} Elo K {p.k}; Bradley–Terry with {formatCount(p.bootstrap)} bootstrap resamples,
          seed {p.seed}.{" "}
          {organizer && shown.snapshotId ? (
            <Link href={`/studies/${studyId}/leaderboard`}>Show live results</Link>
          ) : null}
        </span>
      }
    />
  );
  const stored = (
    <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
      {organizer && live ? (
        <Card>
          <CardTitle>Publish</CardTitle>
          {live.matchCount > 0 ? (
            <PublishLeaderboardForm studyId={studyId} matchCount={live.matchCount} />
          ) : (
            <p className="text-sm">Nothing to publish until judges have voted.</p>
          )}
        </Card>
      ) : null}
      <Card className={organizer && live ? "" : "lg:col-span-2"}>
        <CardTitle>Stored results</CardTitle>
        <SnapshotList studyId={studyId} snapshots={snapshots} current={shown.snapshotId} />
      </Card>
    </div>
  );

  if (shown.matchCount === 0) {
    return (
      <div className="space-y-6">
        {header}
        <Card data-testid="leaderboard-empty">
          <CardTitle>No matches yet</CardTitle>
          <p className="text-sm">
            The leaderboard appears with the first vote. Schedule pairs on the{" "}
            <Link href={`/studies/${studyId}/manage/arena`}>Arena setup</Link> page, then let human judges
            vote or <Link href={`/studies/${studyId}/manage/arena/llm`}>run the LLM judge</Link>.
          </p>
        </Card>
        {stored}
      </div>
    );
  }

  const view = buildLeaderboardView({
    ratingsCsv: shown.files["ratings.csv"],
    winRatesCsv: shown.files["winrates.csv"],
    agreementCsv: shown.files["agreement.csv"],
    criterion,
  });
  const conditionOf = organizer ? getIdeaConditionsByCode({ studyId }) : undefined;
  const levelCard = (level: "condition" | "idea", title: string, playerLabel: string) => (
    <Card data-testid={`leaderboard-${level}`}>
      <CardTitle
        action={
          <a href={download("ratings.csv")} className="text-sm">
            ratings.csv
          </a>
        }
      >
        {title} · {view.criterion}
      </CardTitle>
      {view.levels[level].rows.length === 0 ? (
        <p className="text-sm">
          {level === "condition"
            ? "No match between ideas of different conditions yet, so conditions cannot be compared."
            : "No ratings for this criterion yet."}
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-[2fr_3fr]">
          <RatingCiChart data={view.levels[level].chart} testId={`rating-ci-chart-${level}`} />
          <RatingTable
            rows={view.levels[level].rows}
            playerLabel={playerLabel}
            conditionOf={level === "idea" ? conditionOf : undefined}
            testId={`rating-table-${level}`}
          />
        </div>
      )}
    </Card>
  );

  return (
    <div className="space-y-6">
      {header}
      {staleness?.stale && staleness.latest ? (
        <Alert tone="warning" testId="snapshot-stale">
          The latest published snapshot ({formatUtcDateTime(staleness.latest.createdAt)}) is out of date:{" "}
          {staleness.reasons.join("; ")}. Members still see that snapshot; publish again to update it.
        </Alert>
      ) : null}
      {shown.problems.length > 0 ? (
        <Alert tone="warning" testId="arena-problems">
          <p className="font-medium">Read these before trusting the numbers:</p>
          <ul className="ml-5 list-disc">
            {shown.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <CriterionTabs criteria={view.criteria} selected={view.criterion} hrefFor={hrefFor} />
      <p className="text-xs text-[var(--foreground-soft)]">
        Ratings are on the Elo scale (1000 = average player). Ranks are CI-aware: 1 + the number of players
        whose whole 95% interval lies above this one&apos;s. Provisional: fewer than 10 matches.
        {view.criterion === "average" ? " Average = the mean of the criterion ratings." : ""}
      </p>
      {levelCard("condition", "Conditions", "Condition")}
      {levelCard("idea", "Ideas", "Idea")}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle
            action={
              <a href={download("winrates.csv")} className="text-sm">
                winrates.csv
              </a>
            }
          >
            Win rates between conditions
          </CardTitle>
          {view.winRates.conditions.length === 0 ? (
            <p className="text-sm">No match between ideas of different conditions yet.</p>
          ) : (
            <WinRateHeatmap
              matrix={view.winRates}
              caption={`Share of matches the row's ideas won against the column's (ties count half), ${view.criterion === "average" ? "all criteria pooled" : view.criterion}; wins–ties–losses below.`}
            />
          )}
        </Card>
        <Card>
          <CardTitle
            action={
              <a href={download("agreement.csv")} className="text-sm">
                agreement.csv
              </a>
            }
          >
            Agreement and position bias
          </CardTitle>
          <AgreementTable agreement={view.agreement} positionBias={view.positionBias} />
        </Card>
      </div>
      <Card>
        <CardTitle>Downloads</CardTitle>
        <ul className="flex flex-wrap gap-4 text-sm" data-testid="arena-downloads">
          {ARENA_FILE_NAMES.map((file) => (
            <li key={file}>
              <a href={download(file)} data-testid={`download-${file}`}>
                {file}
              </a>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-[var(--foreground-soft)]">
          The same files come out of the command line for this matches.csv:{" "}
          <code className="font-mono" data-testid="arena-cli-command">
            {arenaCliCommand(p)}
          </code>{" "}
          (matches.csv sha256 <span className="font-mono">{shown.matchesHash.slice(0, 12)}…</span>).
        </p>
      </Card>
      {stored}
    </div>
  );
}
