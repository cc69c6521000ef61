import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DATABASE_PATH } from "./constants";
import type { SeededReviewStudy } from "./seed";

// Arena data for a study seeded by seedReviewStudy({ status: "arena" }): the leaderboard parameters,
// round-robin pairs within each topic (as the setup page would schedule them) and a human vote on
// some pairs, so the leaderboard has both kinds of judges. Written straight into the e2e database.

export const ARENA_CRITERIA = ["novelty", "significance", "clarity", "feasibility", "effectiveness"];

export type SeededPair = { id: string; ideaAId: string; ideaBId: string };

export function seedArenaPairs({
  study,
  params,
  humanVotes = 4,
}: {
  study: SeededReviewStudy;
  params: { k: number; bootstrap: number; seed: number };
  humanVotes?: number;
}): { pairs: SeededPair[] } {
  const db = new Database(E2E_DATABASE_PATH, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  const now = Date.now();
  try {
    return db.transaction(() => {
      db.prepare("UPDATE studies SET arena_config = ? WHERE id = ?").run(
        JSON.stringify(params),
        study.studyId,
      );
      const pairs: SeededPair[] = [];
      for (const topic of [...new Set(study.ideas.map((i) => i.topic))]) {
        const group = study.ideas.filter((i) => i.topic === topic);
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const pair = { id: randomUUID(), ideaAId: group[i]!.id, ideaBId: group[j]!.id };
            db.prepare(
              "INSERT INTO arena_pairs (id, study_id, idea_a_id, idea_b_id, round, created_at) VALUES (?, ?, ?, ?, 1, ?)",
            ).run(pair.id, study.studyId, pair.ideaAId, pair.ideaBId, now);
            pairs.push(pair);
          }
        }
      }
      const judges = study.reviewers;
      for (const judge of judges) {
        db.prepare(
          "INSERT INTO memberships (id, study_id, user_id, role, created_at) VALUES (?, ?, ?, 'judge', ?)",
        ).run(randomUUID(), study.studyId, judge.id, now);
      }
      pairs.slice(0, humanVotes).forEach((pair, n) => {
        const verdicts = Object.fromEntries(
          ARENA_CRITERIA.map((c, k) => [c, ["a", "b", "tie"][(n + k) % 3]]),
        );
        const judge = judges[n % judges.length]!;
        db.prepare(
          `INSERT INTO arena_votes (id, study_id, pair_id, judge_key, judge_id, judge_kind, status, left_idea_id,
             right_idea_id, verdicts, comment, created_at)
           VALUES (?, ?, ?, ?, ?, 'human', 'voted', ?, ?, ?, '', ?)`,
        ).run(
          randomUUID(),
          study.studyId,
          pair.id,
          judge.id,
          judge.id,
          n % 2 ? pair.ideaBId : pair.ideaAId,
          n % 2 ? pair.ideaAId : pair.ideaBId,
          JSON.stringify(verdicts),
          now - 60_000 + n,
        );
      });
      return { pairs };
    })();
  } finally {
    db.close();
  }
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
