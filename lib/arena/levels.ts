// Turns matches.csv rows into games per (level, criterion). A match_id is one judgment of one pair
// (all its criteria), the unit the bootstrap resamples. At condition level a match between ideas of
// conditions X ≠ Y is a game X vs Y; same-condition matches count at idea level only.
import { compareText, scoreOf, sortMatches } from "./elo";
import { findComponents } from "./graph";
import type { Game, MatchRecord, RatingLevel } from "./types";

/** Games of one criterion in (created_at, match_id) order; source[g] = the judgment of game g. */
export type CriterionGames = { games: Game[]; source: number[] };

export type LevelGames = {
  level: RatingLevel;
  /** Sorted player ids, and the comparison group of each (players linked by some chain of games). */
  players: string[];
  group: Map<string, number>;
  groupCount: number;
  /** Judgments each player took part in (any criterion). */
  judgments: Map<string, number>;
  byCriterion: Map<string, CriterionGames>;
};

/**
 * `judgments`: the number of distinct match_ids, numbered 0… in (created_at, match_id) order;
 * `pairOf[j]`: the two ideas of judgment j; `conditionOf`: each idea's condition (the clusters of the
 * condition-level bootstrap, see cluster-bootstrap.ts).
 */
export type ArenaGames = {
  criteria: string[];
  judgments: number;
  levels: LevelGames[];
  pairOf: [string, string][];
  conditionOf: Map<string, string>;
};

export function buildArenaGames(matches: readonly MatchRecord[]): ArenaGames {
  const criteria = [...new Set(matches.map((m) => m.criterion))];
  const judgmentOf = new Map<string, number>();
  const levels = (["idea", "condition"] as const).map((level) => ({
    level,
    byCriterion: new Map(criteria.map((c) => [c, { games: [] as Game[], source: [] as number[] }])),
    // Rows of one match are adjacent once sorted (matches.csv gives them one created_at), so
    // remembering the last judgment counted is enough to count each once.
    seen: new Map<string, { count: number; last: number }>(),
  }));
  const pairOf: [string, string][] = [];
  const conditionOf = new Map<string, string>();
  for (const m of sortMatches(matches)) {
    let j = judgmentOf.get(m.matchId);
    if (j === undefined) {
      j = judgmentOf.size;
      judgmentOf.set(m.matchId, j);
      pairOf.push([m.ideaA, m.ideaB]);
      conditionOf.set(m.ideaA, m.conditionA);
      conditionOf.set(m.ideaB, m.conditionB);
    }
    const sides = [
      [m.ideaA, m.ideaB],
      [m.conditionA, m.conditionB],
    ];
    levels.forEach((data, l) => {
      const [a, b] = sides[l] as [string, string];
      if (a === b) return;
      const list = data.byCriterion.get(m.criterion) as CriterionGames;
      list.games.push({ a, b, score: scoreOf(m.winner) });
      list.source.push(j);
      for (const player of [a, b]) {
        const tally = data.seen.get(player);
        if (tally === undefined) data.seen.set(player, { count: 1, last: j });
        else if (tally.last !== j) [tally.count, tally.last] = [tally.count + 1, j];
      }
    });
  }
  return { criteria, judgments: judgmentOf.size, levels: levels.map(toLevelGames), pairOf, conditionOf };
}

function toLevelGames(data: {
  level: RatingLevel;
  byCriterion: Map<string, CriterionGames>;
  seen: Map<string, { count: number; last: number }>;
}): LevelGames {
  const players = [...data.seen.keys()].sort(compareText);
  const position = new Map(players.map((p, i) => [p, i]));
  const from: number[] = [];
  const to: number[] = [];
  for (const { games } of data.byCriterion.values()) {
    for (const g of games) {
      from.push(position.get(g.a) as number);
      to.push(position.get(g.b) as number);
    }
  }
  const component = findComponents(players.length, from, to);
  return {
    level: data.level,
    players,
    group: new Map(players.map((p, i) => [p, component[i] as number])),
    groupCount: component.reduce((max, c) => Math.max(max, c + 1), 0),
    judgments: new Map([...data.seen].map(([p, tally]) => [p, tally.count])),
    byCriterion: data.byCriterion,
  };
}
