// Archiving and deleting a study: what the deletion dialog says will go, computed from row counts.

import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";

/** The refusal of every write to an archived study (the guard, invitations, ideation runs). */
export function studyArchivedError(): AppError {
  return new AppError(
    "conflict:study_archived",
    "This study is archived and read-only. An admin or its creator can unarchive it in the study's settings.",
  );
}

export type StudyDeletionSummary = {
  title: string;
  ideas: number;
  reviews: number;
  assignments: number;
  arenaVotes: number;
  /** Distinct people with any role in the study. */
  members: number;
  invitations: number;
  papers: number;
  jobs: number;
  llmCalls: number;
  /** Chain builds (Literature → Chains) and ideation runs, with their logs and stored calls. */
  chains: number;
  ideationRuns: number;
};

/** One line per kind of row, zeros included, so the organizer sees exactly what the deletion takes. */
export function describeDeletion(s: StudyDeletionSummary): string[] {
  return [
    `${plural(s.ideas, "idea", "ideas")} with all their versions`,
    `${plural(s.reviews, "review", "reviews")} and ${plural(s.assignments, "assignment", "assignments")}`,
    plural(s.arenaVotes, "arena vote", "arena votes"),
    `the roles of ${plural(s.members, "member", "members")} (their accounts stay)`,
    plural(s.invitations, "invitation link", "invitation links"),
    plural(s.papers, "literature paper", "literature papers"),
    `${plural(s.jobs, "background job", "background jobs")} and ${plural(s.llmCalls, "logged LLM call", "logged LLM calls")}`,
    `${plural(s.chains, "chain build", "chain builds")} and ${plural(s.ideationRuns, "ideation run", "ideation runs")} with their progress, prompts and costs`,
    "topics, conditions, settings, consents, results and leaderboard snapshots, and the change log",
  ];
}

/** The study's title, typed to confirm a deletion; surrounding spaces do not count. */
export function deletionConfirmed(title: string, typed: unknown): boolean {
  return typeof typed === "string" && typed.trim() === title.trim();
}
