// ratings.csv rows from the fits. The `average` row of a player is the mean of its criterion
// ratings (Elo and BT), defined only when it has one in every criterion, with wins, ties and losses
// summed over the criteria; its CI is the percentile
// interval of that same mean taken within each bootstrap resample (the resamples are shared by all
// criteria), so it reflects how the criteria move together. Ranks are CI-aware within a fit unit
// (criterion rows) or within a comparison group (average rows).
import { type Interval, percentileInterval, rankByIntervals } from "./bootstrap";
import { compareText } from "./elo";
import type { CriterionTable } from "./level-fits";
import type { LevelGames } from "./levels";
import { type FitUnit, summarizeUnit } from "./shared-bootstrap";
import { AVERAGE_CRITERION, type RatingRow } from "./types";

/** Players with fewer matches than this are flagged provisional. */
export const PROVISIONAL_BELOW = 10;

export function buildCriterionRows(table: CriterionTable): RatingRow[] {
  const summaries = new Map<FitUnit, ReturnType<typeof summarizeUnit>>();
  const rows = [...table.tallies].map(([player, tally]): RatingRow => {
    const fit = table.fits.get(player);
    let summary = fit === undefined ? undefined : summaries.get(fit.unit);
    if (fit !== undefined && summary === undefined) {
      summary = summarizeUnit(fit.unit);
      summaries.set(fit.unit, summary);
    }
    const interval = fit === undefined ? null : (summary?.intervals[fit.at] ?? null);
    return {
      level: table.level.level,
      criterion: table.criterion,
      player,
      elo: table.elo.get(player) ?? null,
      bt: fit === undefined ? null : (fit.unit.ratings[fit.at] as number),
      btCiLow: interval?.low ?? null,
      btCiHigh: interval?.high ?? null,
      rank: fit === undefined ? null : (summary?.ranks[fit.at] ?? null),
      ...tally,
      provisional: tally.matches < PROVISIONAL_BELOW,
    };
  });
  return sortRows(rows);
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

export function buildAverageRows(level: LevelGames, tables: readonly CriterionTable[]): RatingRow[] {
  const intervals = new Map<string, Interval | null>();
  const rows = level.players.map((player): RatingRow => {
    const elos = tables.map((t) => (t.tallies.has(player) ? t.elo.get(player) : undefined));
    const fits = tables.map((t) => t.fits.get(player));
    const rated = fits.every((f) => f !== undefined) ? fits.flatMap((f) => (f ? [f] : [])) : [];
    let interval: Interval | null = null;
    const resamples = rated[0] ? rated[0].unit.samples.length / rated[0].unit.index.players.length : 0;
    if (resamples > 0) {
      // NaN (a skipped resample in any criterion) propagates through the sum and is then ignored.
      const averages = Float64Array.from({ length: resamples }, (_, b) =>
        mean(rated.map((f) => f.unit.samples[b * f.unit.index.players.length + f.at] as number)),
      );
      interval = percentileInterval(averages);
    }
    intervals.set(player, interval);
    const matches = level.judgments.get(player) ?? 0;
    return {
      level: level.level,
      criterion: AVERAGE_CRITERION,
      player,
      elo: elos.every((e) => e !== undefined) ? mean(elos as number[]) : null,
      bt: rated.length > 0 ? mean(rated.map((f) => f.unit.ratings[f.at] as number)) : null,
      btCiLow: interval?.low ?? null,
      btCiHigh: interval?.high ?? null,
      rank: null,
      matches,
      ...sumTallies(tables, player),
      provisional: matches < PROVISIONAL_BELOW,
    };
  });
  // Ranks compare players of one comparison group only.
  for (let group = 0; group < level.groupCount; group += 1) {
    const members = rows.filter((row) => level.group.get(row.player) === group);
    const ranks = rankByIntervals(members.map((row) => intervals.get(row.player) ?? null));
    members.forEach((row, i) => {
      row.rank = ranks[i] ?? null;
    });
  }
  return sortRows(rows);
}

/** Wins, ties and losses summed over the criteria (a match with 5 criteria counts 5 verdicts). */
function sumTallies(tables: readonly CriterionTable[], player: string) {
  const tallies = tables.flatMap((t) => {
    const tally = t.tallies.get(player);
    return tally ? [tally] : [];
  });
  if (tallies.length === 0) return { wins: null, ties: null, losses: null };
  const sum = (key: "wins" | "ties" | "losses") => tallies.reduce((total, t) => total + t[key], 0);
  return { wins: sum("wins"), ties: sum("ties"), losses: sum("losses") };
}

/** Best first: bt, then Elo (a player without bt sorts below those with one), then id. */
function sortRows(rows: RatingRow[]): RatingRow[] {
  const desc = (x: number | null, y: number | null) =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x;
  return rows.sort((x, y) => desc(x.bt, y.bt) || desc(x.elo, y.elo) || compareText(x.player, y.player));
}
