// Shapes the leaderboard's files for the page: one criterion (or `average`) at a time, both levels,
// the CI chart's points, the win-rate matrix between conditions, agreement and position bias. Pure,
// so live results and published snapshots are shown by the same code from the same kind of files.
import {
  type AgreementRow,
  AVERAGE_CRITERION,
  type PositionBiasRow,
  type RatingLevel,
  type RatingRow,
} from "@/lib/arena/types";
import { readAgreementCsv, readRatingsCsv, readWinRatesCsv } from "./leaderboard-files";

/** One player's Bradley–Terry estimate and 95% CI, for the CI bar chart. */
export type CiPoint = {
  player: string;
  bt: number;
  low: number | null;
  high: number | null;
  rank: number | null;
  provisional: boolean;
};

export type HeatmapCell = {
  condition: string;
  opponent: string;
  matches: number;
  wins: number;
  ties: number;
  losses: number;
  winRate: number;
};

export type WinRateMatrix = { conditions: string[]; cells: HeatmapCell[] };

export type LeaderboardView = {
  /** `average` first, then each criterion in the files' order. */
  criteria: string[];
  criterion: string;
  levels: Record<RatingLevel, { rows: RatingRow[]; chart: CiPoint[] }>;
  winRates: WinRateMatrix;
  agreement: AgreementRow[];
  positionBias: PositionBiasRow[];
};

function chartPoints(rows: RatingRow[]): CiPoint[] {
  return rows.flatMap((r) =>
    r.bt === null
      ? []
      : [
          {
            player: r.player,
            bt: r.bt,
            low: r.btCiLow,
            high: r.btCiHigh,
            rank: r.rank,
            provisional: r.provisional,
          },
        ],
  );
}

/** The win-rate matrix of one criterion; for `average`, every criterion's games pooled. */
function matrixFor(rows: ReturnType<typeof readWinRatesCsv>, criterion: string): WinRateMatrix {
  const cells = new Map<string, HeatmapCell>();
  for (const r of rows) {
    if (criterion !== AVERAGE_CRITERION && r.criterion !== criterion) continue;
    const key = `${r.condition}\u0000${r.opponent}`;
    const cell = cells.get(key) ?? {
      condition: r.condition,
      opponent: r.opponent,
      matches: 0,
      wins: 0,
      ties: 0,
      losses: 0,
      winRate: 0,
    };
    cell.matches += r.matches;
    cell.wins += r.wins;
    cell.ties += r.ties;
    cell.losses += r.losses;
    cells.set(key, cell);
  }
  for (const cell of cells.values()) cell.winRate = (cell.wins + cell.ties / 2) / cell.matches;
  const conditions = [...new Set([...cells.values()].flatMap((c) => [c.condition, c.opponent]))].sort();
  return { conditions, cells: [...cells.values()] };
}

export function buildLeaderboardView({
  ratingsCsv,
  winRatesCsv,
  agreementCsv,
  criterion,
}: {
  ratingsCsv: string;
  winRatesCsv: string;
  agreementCsv: string;
  /** The criterion asked for; anything unknown shows `average`. */
  criterion?: string;
}): LeaderboardView {
  const ratings = readRatingsCsv(ratingsCsv);
  const found = [...new Set(ratings.map((r) => r.criterion))].filter((c) => c !== AVERAGE_CRITERION);
  const criteria = [AVERAGE_CRITERION, ...found];
  const selected = criterion !== undefined && criteria.includes(criterion) ? criterion : AVERAGE_CRITERION;
  const level = (name: RatingLevel) => {
    const rows = ratings.filter((r) => r.level === name && r.criterion === selected);
    return { rows, chart: chartPoints(rows) };
  };
  const { agreement, positionBias } = readAgreementCsv(agreementCsv);
  return {
    criteria,
    criterion: selected,
    levels: { idea: level("idea"), condition: level("condition") },
    winRates: matrixFor(readWinRatesCsv(winRatesCsv), selected),
    agreement,
    positionBias,
  };
}
