import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ArenaVerdict } from "@/lib/arena/types";
import { createdAt, id } from "./columns";
import { ideas } from "./ideas";
import { studies } from "./studies";
import { users } from "./users";

/** A scheduled pair. Which idea a judge sees on the left is drawn per vote and stored there. */
export const arenaPairs = sqliteTable(
  "arena_pairs",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    ideaAId: text("idea_a_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    ideaBId: text("idea_b_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    round: integer("round").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("arena_pairs_study_ideas_idx").on(t.studyId, t.ideaAId, t.ideaBId),
    index("arena_pairs_idea_a_idx").on(t.ideaAId),
    index("arena_pairs_idea_b_idx").on(t.ideaBId),
  ],
);
export type ArenaPair = typeof arenaPairs.$inferSelect;

/**
 * One judgment of one pair: a human's vote (or skip), or one LLM call in one order. `judgeKey` is
 * the user id for humans and `llm:<model>:<leftIdeaId>` for the LLM, so the unique index enforces
 * one vote per judge per pair and one LLM judgment per order. In `verdicts`, "a" is the left idea.
 */
export const arenaVotes = sqliteTable(
  "arena_votes",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    pairId: text("pair_id")
      .notNull()
      .references(() => arenaPairs.id, { onDelete: "cascade" }),
    judgeKey: text("judge_key").notNull(),
    judgeId: text("judge_id").references(() => users.id, { onDelete: "set null" }),
    judgeKind: text("judge_kind", { enum: ["human", "llm"] }).notNull(),
    status: text("status", { enum: ["voted", "skipped"] }).notNull(),
    leftIdeaId: text("left_idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    rightIdeaId: text("right_idea_id")
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    /** criterion key → verdict; empty for a skip. */
    verdicts: text("verdicts", { mode: "json" }).$type<Record<string, ArenaVerdict>>().notNull(),
    comment: text("comment").notNull().default(""),
    /** The LLM's reasoning, and the model that judged. */
    reasoning: text("reasoning"),
    model: text("model"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("arena_votes_pair_judge_idx").on(t.pairId, t.judgeKey),
    index("arena_votes_study_idx").on(t.studyId),
    index("arena_votes_judge_idx").on(t.judgeId),
    index("arena_votes_left_idx").on(t.leftIdeaId),
    index("arena_votes_right_idx").on(t.rightIdeaId),
  ],
);
export type ArenaVote = typeof arenaVotes.$inferSelect;

/** A published leaderboard: parameters, seed, a hash of matches.csv and every output file. */
export const arenaSnapshots = sqliteTable(
  "arena_snapshots",
  {
    id: id(),
    studyId: text("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    matchesHash: text("matches_hash").notNull(),
    matchCount: integer("match_count").notNull(),
    files: text("files", { mode: "json" }).$type<Record<string, string>>().notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("arena_snapshots_study_idx").on(t.studyId),
    index("arena_snapshots_by_idx").on(t.publishedBy),
  ],
);
export type ArenaSnapshot = typeof arenaSnapshots.$inferSelect;
