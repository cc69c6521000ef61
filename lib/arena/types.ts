// The arena's shared shapes: one row of matches.csv in, one row of each output file out.

export type Verdict = "a" | "b" | "tie";

export type JudgeKind = "human" | "llm";

/** One row of matches.csv: one judge's verdict on one criterion; `ideaA` was shown first (left). */
export type MatchRecord = {
  matchId: string;
  topic: string;
  ideaA: string;
  ideaB: string;
  conditionA: string;
  conditionB: string;
  judgeId: string;
  judgeKind: JudgeKind;
  criterion: string;
  winner: Verdict;
  /** Epoch milliseconds, or an ISO 8601 date as written in the file. */
  createdAt: string | number;
};

export type RatingLevel = "idea" | "condition";

/** The criterion name under which the mean over criteria is reported. */
export const AVERAGE_CRITERION = "average";

/**
 * One row of ratings.csv, field for field in the file's column order. Null is an empty cell: no
 * finite Bradley–Terry estimate, no bootstrap, or (for `average`) counts that do not add up.
 */
export type RatingRow = {
  level: RatingLevel;
  criterion: string;
  player: string;
  elo: number | null;
  bt: number | null;
  btCiLow: number | null;
  btCiHigh: number | null;
  rank: number | null;
  matches: number;
  wins: number | null;
  ties: number | null;
  losses: number | null;
  provisional: boolean;
};

/** One cell of the win-rate matrix between conditions (winrates.csv). */
export type WinRateRow = {
  criterion: string;
  condition: string;
  opponent: string;
  matches: number;
  wins: number;
  ties: number;
  losses: number;
  /** (wins + ties / 2) / matches. */
  winRate: number;
};

/** Human–LLM agreement on one criterion, or on all criteria pooled (`criterion` = "all"). */
export type AgreementRow = { criterion: string; pairs: number; agree: number; rate: number | null };

/** Share of non-tie verdicts won by the idea shown left, per judge kind and criterion (or "all"). */
export type PositionBiasRow = {
  criterion: string;
  judgeKind: JudgeKind;
  decisive: number;
  leftWins: number;
  rate: number | null;
};

/** A game between two players from a's side: 1 a won, 0.5 tie, 0 b won. */
export type Game = { a: string; b: string; score: number };

/** A stored verdict on one pair (the judge's left idea is `a`). */
export type ArenaVerdict = Verdict;

/** The arena's setup, stored on the study (see DEFAULT_ARENA_CONFIG). */
export type ArenaCriterion = { key: string; label: string; description: string };
export type ArenaConfig = {
  criteria: ArenaCriterion[];
  /** Which ideas take part: empty lists mean all (submitted ideas with their review text decided). */
  conditionKeys: string[];
  topicIds: string[];
  sameTopic: boolean;
  mode: "round_robin" | "adaptive" | "swiss";
  /** Pairs per scheduling round in adaptive and Swiss modes (the vote budget is spread over rounds). */
  budget: number;
  seed: number;
  /** Elo K factor and bootstrap resamples for the leaderboard. */
  k: number;
  bootstrap: number;
};

export const DEFAULT_ARENA_CONFIG: ArenaConfig = {
  criteria: [
    { key: "novelty", label: "Novelty", description: "Which idea is more original?" },
    { key: "significance", label: "Significance", description: "Which would matter more if it worked?" },
    { key: "clarity", label: "Clarity", description: "Which is clearer and more precisely specified?" },
    {
      key: "feasibility",
      label: "Feasibility",
      description: "Which is easier to carry out with reasonable resources?",
    },
    { key: "effectiveness", label: "Effectiveness", description: "Which is more likely to work?" },
  ],
  conditionKeys: [],
  topicIds: [],
  sameTopic: true,
  mode: "round_robin",
  budget: 50,
  seed: 1,
  k: 4,
  bootstrap: 1000,
};
