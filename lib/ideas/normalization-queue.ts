// Pure helpers for the organizer's normalization list: which rewrites can be accepted in bulk (a
// finished rewrite, no decision yet, no leak-check hits), which idea comes next, and whether the
// study's phase allows normalization work at all (the same rule the queries enforce).

import type { StudyStatus } from "@/lib/studies/types";
import type { NormalizationReview, NormalizationState } from "./types";

export type NormalizationRow = {
  id: string;
  normalizationState: NormalizationState;
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original" | null;
};

const undecided = (r: NormalizationRow) =>
  r.reviewTextSource === null && r.normalizationReview === "unreviewed";

/** Ids (in list order) of finished, undecided rewrites whose text has no leak-check hits. */
export function cleanRewriteIds(
  rows: readonly NormalizationRow[],
  hitCount: (id: string) => number,
): string[] {
  return rows
    .filter((r) => r.normalizationState === "done" && undecided(r) && hitCount(r.id) === 0)
    .map((r) => r.id);
}

/**
 * The idea to open after `currentId`: the next undecided one in list order (wrapping round), else
 * simply the next one (wrapping round); undefined when the list has no other idea.
 */
export function nextIdeaId(rows: readonly NormalizationRow[], currentId: string): string | undefined {
  const start = rows.findIndex((r) => r.id === currentId);
  const others = [...rows.slice(start + 1), ...rows.slice(0, Math.max(0, start))].filter(
    (r) => r.id !== currentId,
  );
  return (others.find(undecided) ?? others[0])?.id;
}

/** Why the study's phase forbids normalization work, or null when it is allowed. */
export function normalizationPhaseProblem(status: StudyStatus): string | null {
  return status === "writing" || status === "normalization"
    ? null
    : `Normalization is done while writing or normalization is open; the study is in the ${status} phase.`;
}
