// The win-rate matrix between conditions: for each criterion and ordered pair of conditions, how
// the row condition's ideas fared against the column's, a tie counting half.
import { compareText } from "./elo";
import type { LevelGames } from "./levels";
import type { WinRateRow } from "./types";

export function computeWinRates(conditionLevel: LevelGames, criteria: readonly string[]): WinRateRow[] {
  const rows: WinRateRow[] = [];
  for (const criterion of criteria) {
    const cells = new Map<string, WinRateRow>();
    const add = (condition: string, opponent: string, score: number) => {
      const key = `${condition}\u0000${opponent}`;
      const row = cells.get(key) ?? {
        criterion,
        condition,
        opponent,
        matches: 0,
        wins: 0,
        ties: 0,
        losses: 0,
        winRate: 0,
      };
      row.matches += 1;
      if (score === 1) row.wins += 1;
      else if (score === 0) row.losses += 1;
      else row.ties += 1;
      cells.set(key, row);
    };
    for (const { a, b, score } of conditionLevel.byCriterion.get(criterion)?.games ?? []) {
      add(a, b, score);
      add(b, a, 1 - score);
    }
    const sorted = [...cells.values()].sort(
      (x, y) => compareText(x.condition, y.condition) || compareText(x.opponent, y.opponent),
    );
    for (const row of sorted) rows.push({ ...row, winRate: (row.wins + row.ties / 2) / row.matches });
  }
  return rows;
}
