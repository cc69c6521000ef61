import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";
import { runSeeder } from "./run-seeder";
import type { SeededPair, SeededReviewStudy } from "./seed-data";

// Arena data for a study seeded by seedReviewStudy({ status: "arena" }) (e2e/seeders/arena.ts): the
// leaderboard parameters, round-robin pairs within each topic and a human vote on some pairs, so the
// leaderboard has both kinds of judges.

export { ARENA_CRITERIA, type SeededPair } from "./seed-data";

export function seedArenaPairs(args: {
  study: SeededReviewStudy;
  params: { k: number; bootstrap: number; seed: number };
  humanVotes?: number;
}): { pairs: SeededPair[] } {
  return runSeeder("arenaPairs", args);
}

export type StoredVote = {
  pair_id: string;
  judge_kind: string;
  judge_key: string;
  left_idea_id: string;
  right_idea_id: string;
  verdicts: string;
  model: string | null;
};

/** Every stored judgment of the study, to check what the LLM judge wrote. */
export function listArenaVotes(studyId: string): StoredVote[] {
  const db = new Database(E2E_DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        "SELECT pair_id, judge_kind, judge_key, left_idea_id, right_idea_id, verdicts, model FROM arena_votes WHERE study_id = ?",
      )
      .all(studyId) as StoredVote[];
  } finally {
    db.close();
  }
}
