// The leaderboard's files from a matches.csv, exactly as the CLI (`npm run arena`) writes them:
// ratings.csv, winrates.csv and agreement.csv. Pure (a small memo aside); db/queries/arena-results.ts
// feeds it the study's votes as matches.csv text, so the app and the CLI cannot drift apart.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { parseMatchesCsv } from "./matches-file";
import { computeRatings, writeAgreementCsv, writeRatingsCsv, writeWinRatesCsv } from "./ratings";

export const ARENA_FILE_NAMES = ["matches.csv", "ratings.csv", "winrates.csv", "agreement.csv"] as const;
export type ArenaFileName = (typeof ARENA_FILE_NAMES)[number];
export type ArenaFiles = Record<ArenaFileName, string>;

/** The leaderboard's parameters, the same as the CLI's --k, --bootstrap, --seed and --prior. */
export type ArenaParams = { k: number; bootstrap: number; seed: number; prior: number };

/**
 * The app's weak prior: one virtual tie of each player against the field, so small arenas get
 * finite ratings (the CLI's default is 0, plain maximum likelihood; snapshots from before the
 * option were computed without one).
 */
export const APP_PRIOR = 1;
export const PRIOR_CHOICES = [0, 0.5, 1, 2, 5] as const;

export type ArenaOutputs = {
  files: ArenaFiles;
  /** Warnings from the ratings (separate comparison groups, skipped resamples…). */
  problems: string[];
  /** sha256 (hex) of matches.csv. */
  matchesHash: string;
  /** Judgments (match_id values) and verdict rows in matches.csv. */
  matchCount: number;
  verdictCount: number;
  params: ArenaParams;
};

const outputCache = new Map<string, ArenaOutputs>();
const OUTPUT_CACHE_SIZE = 8;

export function hashMatchesCsv(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * ratings.csv, winrates.csv and agreement.csv for a matches.csv, as the CLI writes them. Cached by
 * the file's hash and the parameters: the bootstrap is the expensive part and it is deterministic.
 */
export function computeArenaOutputs({
  matchesCsv,
  params,
}: {
  matchesCsv: string;
  params: ArenaParams;
}): ArenaOutputs {
  const matchesHash = hashMatchesCsv(matchesCsv);
  const key = `${matchesHash}:${params.k}:${params.bootstrap}:${params.seed}:${params.prior}`;
  const hit = outputCache.get(key);
  if (hit) return hit;
  const parsed = parseMatchesCsv(matchesCsv);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new AppError(
      "internal:arena_matches",
      `The arena's matches do not form a valid matches.csv (line ${first?.line}: ${first?.message}).`,
    );
  }
  const result = computeRatings(parsed.matches, params);
  const outputs: ArenaOutputs = {
    files: {
      "matches.csv": matchesCsv,
      "ratings.csv": writeRatingsCsv(result.rows),
      "winrates.csv": writeWinRatesCsv(result.winRates),
      "agreement.csv": writeAgreementCsv(result),
    },
    problems: result.problems,
    matchesHash,
    matchCount: new Set(parsed.matches.map((m) => m.matchId)).size,
    verdictCount: parsed.matches.length,
    params: { ...params },
  };
  outputCache.set(key, outputs);
  if (outputCache.size > OUTPUT_CACHE_SIZE) outputCache.delete(outputCache.keys().next().value as string);
  return outputs;
}

/** The CLI command that recomputes a leaderboard's files from its matches.csv. */
export function arenaCliCommand(params: ArenaParams): string {
  return `npm run arena -- --in matches.csv --out DIR --k ${params.k} --bootstrap ${params.bootstrap} --seed ${params.seed} --prior ${params.prior}`;
}
