import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { findGroups } from "@/lib/arena/groups";
import { countJudgments, filterMatchesCsv, parseJudgeFilter } from "@/lib/arena/judges";
import {
  APP_PRIOR,
  ARENA_FILE_NAMES,
  type ArenaFiles,
  type ArenaParams,
  arenaCliCommand,
  computeArenaOutputs,
  PRIOR_CHOICES,
} from "@/lib/arena/leaderboard-outputs";
import { buildLeaderboardView } from "@/lib/arena/leaderboard-view";
import { formatCount, formatUtcDateTime } from "@/lib/format";
import { guardPage } from "@/server/auth/guarded-handlers";
import { AgreementTable } from "./_components/agreement-table";
import { CriterionTabs } from "./_components/criterion-tabs";
import { JudgeFilterBar } from "./_components/judge-filter";
import { LevelCard } from "./_components/level-card";
import { PriorForm } from "./_components/prior-form";
import { ProblemSummary } from "./_components/problem-summary";
import { PublishLeaderboardForm } from "./_components/publish-form";
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
  const judges = parseJudgeFilter(query.judges);
  const askedPrior = Number(query.prior);
  const prior = (PRIOR_CHOICES as readonly number[]).includes(askedPrior) ? askedPrior : APP_PRIOR;

  // Organizers see the live board unless they pick a snapshot; members only ever see published ones.
  const live = !asked && organizer ? getLiveArenaResults({ studyId, prior }) : undefined;
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
  const p = shown.params;
  const state = {
    criterion: criterion ?? "",
    judges: judges === "all" ? "" : judges,
    prior: live && prior !== APP_PRIOR ? String(prior) : "",
    snapshot: shown.snapshotId ?? "",
  };
  const link = (change: Partial<typeof state>) => {
    const search = new URLSearchParams(
      Object.entries({ ...state, ...change }).filter(([, v]) => v !== ""),
    ).toString();
    return `/studies/${studyId}/leaderboard${search ? `?${search}` : ""}`;
  };
  const hrefFor = (c: string) => link({ criterion: c });
  // The board of one judge kind: the same computation on that kind's rows of matches.csv.
  const allFiles = shown.files;
  const judgeCounts = countJudgments(allFiles["matches.csv"]);
  if (judges !== "all") {
    const part = computeArenaOutputs({
      matchesCsv: filterMatchesCsv(allFiles["matches.csv"], judges),
      params: p,
    });
    shown = { ...shown, files: part.files, problems: part.problems, matchCount: part.matchCount };
  }

  const header = (
    <PageHeader
      title="Leaderboard"
      description={
        <span data-testid="leaderboard-source">
          {shown.description} Elo K {p.k}; Bradley–Terry with {formatCount(p.bootstrap)} bootstrap resamples,
          seed {p.seed}; weak prior {p.prior === 0 ? "none" : p.prior}.{" "}
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
            <PublishLeaderboardForm studyId={studyId} matchCount={live.matchCount} prior={prior} />
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
          {judges !== "all" ? (
            <p className="mb-2 text-sm">
              No {judges === "llm" ? "LLM" : "human"} verdicts yet.{" "}
              <Link href={link({ judges: "" })}>Show all judges</Link>
            </p>
          ) : null}
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
  const groups = findGroups(shown.files["matches.csv"]);
  const allAgreement = buildLeaderboardView({
    ratingsCsv: allFiles["ratings.csv"],
    winRatesCsv: allFiles["winrates.csv"],
    agreementCsv: allFiles["agreement.csv"],
  }).agreement.find((a) => a.criterion === "all");
  const levelCard = (level: "condition" | "idea", title: string, playerLabel: string) => (
    <LevelCard
      level={level}
      title={title}
      playerLabel={playerLabel}
      criterion={view.criterion}
      view={view.levels[level]}
      groups={groups[level]}
      prior={p.prior}
      conditionOf={level === "idea" ? conditionOf : undefined}
      ratingsHref={download("ratings.csv")}
    />
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
      <ProblemSummary problems={shown.problems} />
      <JudgeFilterBar
        selected={judges}
        counts={judgeCounts}
        agreement={allAgreement}
        hrefFor={(j) => link({ judges: j === "all" ? "" : j })}
      />
      {live ? (
        <PriorForm
          prior={prior}
          choices={PRIOR_CHOICES}
          keep={Object.fromEntries(Object.entries(state).filter(([k, v]) => v !== "" && k !== "prior"))}
        />
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
