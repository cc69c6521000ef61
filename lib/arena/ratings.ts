// The leaderboard: per level (idea, condition) and criterion, online Elo, Bradley–Terry with
// bootstrap CIs and CI-aware ranks, and the counts; `average` rows; the win-rate matrix between
// conditions; human–LLM agreement and position bias. Things a reader must know to trust the
// numbers (separate comparison groups, no finite estimate, skipped resamples) go to `problems`.

import { toCsv } from "@/lib/csv/write";
import { computeAgreement, computePositionBias } from "./agreement";
import { DEFAULT_RESAMPLES } from "./bootstrap";
import { clusterBootstrapUnits } from "./cluster-bootstrap";
import { ELO_K } from "./elo";
import { type CriterionTable, fitLevel } from "./level-fits";
import { buildArenaGames } from "./levels";
import { buildAverageRows, buildCriterionRows } from "./rating-rows";
import { bootstrapUnits, type FitUnit } from "./shared-bootstrap";
import type { AgreementRow, MatchRecord, PositionBiasRow, RatingRow, WinRateRow } from "./types";
import { computeWinRates } from "./win-rates";

export type RatingsOptions = {
  /** Elo K factor (default 4). */
  k?: number;
  /** Bootstrap resamples (default 1,000); 0 leaves CIs and ranks empty. */
  bootstrap?: number;
  seed?: number;
  /**
   * Weak prior: weight of a virtual tie of every player against the field (0, the default, is
   * plain maximum likelihood; the app uses 1 so small arenas get finite estimates).
   */
  prior?: number;
  /**
   * How condition-level CIs resample: "cluster" (default) draws ideas within each condition and
   * keeps their matches; "match" draws matches (kept to measure how much narrower it is).
   */
  conditionBootstrap?: "cluster" | "match";
};

export type RatingsResult = {
  rows: RatingRow[];
  winRates: WinRateRow[];
  agreement: AgreementRow[];
  positionBias: PositionBiasRow[];
  problems: string[];
};

export function computeRatings(matches: readonly MatchRecord[], options: RatingsOptions = {}): RatingsResult {
  const resamples = options.bootstrap ?? DEFAULT_RESAMPLES;
  const arena = buildArenaGames(matches);
  const problems: string[] = [];
  const prior = options.prior ?? 0;
  const levels: { level: string; tables: CriterionTable[]; units: FitUnit[] }[] = [];
  for (const level of arena.levels) {
    if (level.players.length === 0) {
      if (matches.length > 0)
        problems.push(`${level.level} level: no match between different ${level.level}s`);
      continue;
    }
    if (level.groupCount > 1) {
      problems.push(
        `${level.level} level: ${level.groupCount} comparison groups that never met, not even through others (usually one per topic); Bradley–Terry ratings and ranks compare players within a group only`,
      );
    }
    levels.push({
      level: level.level,
      ...fitLevel(level, arena.criteria, { k: options.k ?? ELO_K, problems, prior }),
    });
  }
  const units = levels.flatMap((l) => l.units);
  if (resamples > 0 && units.length > 0) {
    const seed = options.seed ?? 1;
    const cluster = (options.conditionBootstrap ?? "cluster") === "cluster";
    const byMatch = levels.filter((l) => !cluster || l.level === "idea").flatMap((l) => l.units);
    const byIdea = cluster ? levels.filter((l) => l.level === "condition").flatMap((l) => l.units) : [];
    if (byMatch.length > 0) bootstrapUnits(byMatch, arena.judgments, { resamples, seed, prior });
    if (byIdea.length > 0) clusterBootstrapUnits(byIdea, arena, { resamples, seed, prior });
    for (const unit of units.filter((u) => u.skipped > 0)) {
      problems.push(
        `${unit.label}: ${unit.skipped} of ${resamples} bootstrap resamples had no finite estimate and were skipped; its CIs use the other ${resamples - unit.skipped}`,
      );
    }
  }
  const rows = levels.flatMap(({ tables }) => [
    ...tables.flatMap(buildCriterionRows),
    ...(tables[0] ? buildAverageRows(tables[0].level, tables) : []),
  ]);
  const conditionLevel = arena.levels.find((l) => l.level === "condition");
  return {
    rows,
    winRates: conditionLevel ? computeWinRates(conditionLevel, arena.criteria) : [],
    agreement: computeAgreement(matches, arena.criteria),
    positionBias: computePositionBias(matches, arena.criteria),
    problems,
  };
}

// Numbers are written with String(n), the shortest text that reads back as the same double.

export const RATINGS_COLUMNS = [
  "level",
  "criterion",
  "player",
  "elo",
  "bt",
  "bt_ci_low",
  "bt_ci_high",
  "rank",
  "matches",
  "wins",
  "ties",
  "losses",
  "provisional",
] as const;

export function writeRatingsCsv(rows: readonly RatingRow[]): string {
  return toCsv({
    columns: RATINGS_COLUMNS,
    rows: rows.map((r) => [
      r.level,
      r.criterion,
      r.player,
      r.elo,
      r.bt,
      r.btCiLow,
      r.btCiHigh,
      r.rank,
      r.matches,
      r.wins,
      r.ties,
      r.losses,
      r.provisional,
    ]),
  });
}

export function writeWinRatesCsv(rows: readonly WinRateRow[]): string {
  return toCsv({
    columns: ["criterion", "condition", "opponent", "matches", "wins", "ties", "losses", "win_rate"],
    rows: rows.map((r) => [
      r.criterion,
      r.condition,
      r.opponent,
      r.matches,
      r.wins,
      r.ties,
      r.losses,
      r.winRate,
    ]),
  });
}

/**
 * agreement.csv holds both measures, told apart by `measure`: for `agreement`, n = (pair, criterion)
 * items judged by both kinds and hits = items where they agree; for `position_bias` (one row per
 * judge kind), n = non-tie verdicts and hits = verdicts for the left idea. rate = hits / n.
 */
export function writeAgreementCsv({
  agreement,
  positionBias,
}: {
  agreement: readonly AgreementRow[];
  positionBias: readonly PositionBiasRow[];
}): string {
  return toCsv({
    columns: ["measure", "criterion", "judge_kind", "n", "hits", "rate"],
    rows: [
      ...agreement.map((r) => ["agreement", r.criterion, "", r.pairs, r.agree, r.rate]),
      ...positionBias.map((r) => ["position_bias", r.criterion, r.judgeKind, r.decisive, r.leftWins, r.rate]),
    ],
  });
}
