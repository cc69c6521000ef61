import { ChartExport } from "@/components/charts/chart-export";
import { RatingCiChart } from "@/components/charts/rating-ci-chart";
import { Card, CardTitle } from "@/components/ui/card";
import type { PlayerGroup } from "@/lib/arena/groups";
import type { CiPoint } from "@/lib/arena/leaderboard-view";
import type { RatingLevel, RatingRow } from "@/lib/arena/types";
import { toCsv } from "@/lib/csv/write";
import { priorText } from "./prior-form";
import { RatingTable } from "./rating-table";

type LevelView = { rows: RatingRow[]; chart: CiPoint[] };

const groupName = (g: PlayerGroup) =>
  g.topics.length === 1 ? `Topic ${g.topics[0]}` : `Group ${g.id} (topics ${g.topics.join(", ")})`;

/**
 * One level of the leaderboard. When its comparison graph splits (same-topic pairing), each group
 * gets its own chart and table with ranks inside the group only, and the card says why.
 */
export function LevelCard({
  level,
  title,
  playerLabel,
  criterion,
  view,
  groups,
  prior,
  conditionOf,
  ratingsHref,
}: {
  level: RatingLevel;
  title: string;
  playerLabel: string;
  criterion: string;
  view: LevelView;
  groups: PlayerGroup[];
  prior: number;
  conditionOf?: Map<string, string>;
  ratingsHref: string;
}) {
  const summed = criterion === "average";
  const table = (rows: RatingRow[], chart: CiPoint[], testId: string) => (
    <div className="space-y-4">
      <ChartExport
        name={`ratings ${testId} ${criterion}`}
        csv={toCsv({
          columns: ["player", "bt", "bt_ci_low", "bt_ci_high", "rank", "provisional"],
          rows: chart.map((p) => [p.player, p.bt, p.low, p.high, p.rank, p.provisional]),
        })}
      >
        <RatingCiChart data={chart} testId={`rating-ci-chart-${testId}`} />
      </ChartExport>
      <RatingTable
        rows={rows}
        playerLabel={playerLabel}
        conditionOf={conditionOf}
        testId={`rating-table-${testId}`}
        summed={summed}
      />
    </div>
  );
  const split = groups.length > 1;
  return (
    <Card data-testid={`leaderboard-${level}`}>
      <CardTitle
        action={
          <a href={ratingsHref} className="text-sm">
            ratings.csv
          </a>
        }
      >
        {title} · {criterion}
      </CardTitle>
      {view.rows.length === 0 ? (
        <p className="text-sm">
          {level === "condition"
            ? "No match between ideas of different conditions yet, so conditions cannot be compared."
            : "No ratings for this criterion yet."}
        </p>
      ) : split ? (
        <div className="space-y-6">
          <p className="text-sm" data-testid={`groups-note-${level}`}>
            These {level}s form {groups.length} groups that never met, not even through others (ideas are
            paired within their topic), so their ratings share no scale: each group is rated and ranked on its
            own, and there is no rank across groups.
          </p>
          {groups.map((g) => {
            const members = new Set(g.players);
            return (
              <section key={g.id} data-testid={`group-${level}-${g.id}`} className="space-y-2">
                <h3 className="font-medium">{groupName(g)}</h3>
                {table(
                  view.rows.filter((r) => members.has(r.player)),
                  view.chart.filter((p) => members.has(p.player)),
                  `${level}-${g.id}`,
                )}
              </section>
            );
          })}
        </div>
      ) : (
        table(view.rows, view.chart, level)
      )}
      <p className="mt-3 text-xs text-[var(--foreground-soft)]" data-testid={`prior-note-${level}`}>
        {priorText(prior)}
        {level === "condition"
          ? " 95% CIs resample ideas within each condition (keeping their matches), so they include how much the result depends on which ideas were in the study."
          : " 95% CIs resample matches."}
        {summed ? " W*, T*, L*: verdicts summed over the criteria." : ""}
      </p>
    </Card>
  );
}
