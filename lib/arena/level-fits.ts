// Full-data fits of one level: Elo per criterion over all its games, and Bradley–Terry per
// comparison group (players linked by a chain of games), since ratings of groups that never met
// share no scale. A group without a finite estimate is reported and left unrated.
import { fitCounts } from "./bradley-terry";
import { describeBtProblem, diagnoseCounts } from "./bt-diagnosis";
import { computeElo } from "./elo";
import type { CriterionGames, LevelGames } from "./levels";
import { countCells, indexGames } from "./pair-index";
import type { FitUnit } from "./shared-bootstrap";

export type Tally = { matches: number; wins: number; ties: number; losses: number };

/** Everything known about one (level, criterion) before the bootstrap. */
export type CriterionTable = {
  level: LevelGames;
  criterion: string;
  elo: Map<string, number>;
  tallies: Map<string, Tally>;
  /** Each rated player's fit unit and position in it. */
  fits: Map<string, { unit: FitUnit; at: number }>;
};

export function fitLevel(
  level: LevelGames,
  criteria: readonly string[],
  { k, problems, prior = 0 }: { k: number; problems: string[]; prior?: number },
): { tables: CriterionTable[]; units: FitUnit[] } {
  const tables: CriterionTable[] = [];
  const units: FitUnit[] = [];
  for (const criterion of criteria) {
    const games = level.byCriterion.get(criterion) as CriterionGames;
    const fits: CriterionTable["fits"] = new Map();
    for (const [group, part] of splitByGroup(games, level)) {
      const label = `${level.level} level, ${criterion}${level.groupCount > 1 ? `, group ${group + 1}` : ""}`;
      const index = indexGames(part.games);
      const counts = countCells(index);
      const fit = fitCounts(index, counts, { prior });
      if (!fit.ok) {
        problems.push(
          `${label}: ${describeBtProblem(diagnoseCounts(index, counts))}; bt, CI and rank left empty`,
        );
        continue;
      }
      if (!fit.converged)
        problems.push(`${label}: Bradley–Terry stopped unconverged after ${fit.iterations} iterations`);
      const unit: FitUnit = {
        label,
        index,
        source: part.source,
        ratings: fit.ratings,
        samples: new Float64Array(),
        skipped: 0,
      };
      units.push(unit);
      index.players.forEach((player, at) => {
        fits.set(player, { unit, at });
      });
    }
    tables.push({ level, criterion, elo: computeElo(games.games, { k }), tallies: tallyGames(games), fits });
  }
  return { tables, units };
}

/** A criterion's games per comparison group, groups in order of id. */
function splitByGroup(games: CriterionGames, level: LevelGames): Map<number, CriterionGames> {
  const parts = new Map<number, CriterionGames>();
  games.games.forEach((game, g) => {
    const group = level.group.get(game.a) as number;
    const part = parts.get(group) ?? { games: [], source: [] };
    part.games.push(game);
    part.source.push(games.source[g] as number);
    parts.set(group, part);
  });
  return new Map([...parts].sort(([x], [y]) => x - y));
}

function tallyGames({ games }: CriterionGames): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const add = (player: string, score: number) => {
    const t = tallies.get(player) ?? { matches: 0, wins: 0, ties: 0, losses: 0 };
    t.matches += 1;
    if (score === 1) t.wins += 1;
    else if (score === 0) t.losses += 1;
    else t.ties += 1;
    tallies.set(player, t);
  };
  for (const { a, b, score } of games) {
    add(a, score);
    add(b, 1 - score);
  }
  return tallies;
}
