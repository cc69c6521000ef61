// Comparison groups of a leaderboard, read from its matches.csv: players linked by some chain of
// matches. With same-topic pairing every topic is its own group at idea level, and Bradley–Terry
// ratings and ranks of different groups share no scale, so the page shows one table per group and
// says why. Conditions usually meet in every topic and stay one group.
import { buildArenaGames } from "@/lib/arena/levels";
import { parseMatchesCsv } from "@/lib/arena/matches-file";
import type { RatingLevel } from "@/lib/arena/types";

export type PlayerGroup = {
  /** 1-based, in the order of the first player (sorted by id). */
  id: number;
  /** The topics of the group's matches (one with same-topic pairing). */
  topics: string[];
  players: string[];
};

export type LevelGroups = Record<RatingLevel, PlayerGroup[]>;

export function findGroups(matchesCsv: string): LevelGroups {
  const parsed = parseMatchesCsv(matchesCsv);
  const out: LevelGroups = { idea: [], condition: [] };
  if (!parsed.ok) return out;
  const arena = buildArenaGames(parsed.matches);
  const topicsOf = new Map<string, Set<string>>();
  for (const m of parsed.matches) {
    for (const player of [m.ideaA, m.ideaB, m.conditionA, m.conditionB]) {
      const set = topicsOf.get(player) ?? new Set<string>();
      set.add(m.topic);
      topicsOf.set(player, set);
    }
  }
  for (const level of arena.levels) {
    const groups: PlayerGroup[] = Array.from({ length: level.groupCount }, (_, g) => ({
      id: g + 1,
      topics: [],
      players: [],
    }));
    for (const player of level.players)
      (groups[level.group.get(player) as number] as PlayerGroup).players.push(player);
    for (const group of groups) {
      const topics = new Set(group.players.flatMap((p) => [...(topicsOf.get(p) ?? [])]));
      group.topics = [...topics].sort();
    }
    out[level.level] = groups;
  }
  return out;
}
