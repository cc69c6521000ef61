// Which (reviewer, idea) pairs the hard constraints allow at all.
import type { AssignmentIdea, AssignmentInput, AssignmentReviewer } from "./types";

/** Institutions compare trimmed and case-insensitively; a missing one never matches anything. */
export function normalizeInstitution(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim().toLowerCase();
  return text === "" ? null : text;
}

/**
 * Whether a reviewer may review an idea, apart from the topic, which callers check through their
 * topic index: never their own idea, never an author from their institution, never a marked
 * conflict. Everything per-reviewer and per-idea is computed once, since this runs for every pair.
 */
export function createConflictCheck(input: Pick<AssignmentInput, "ideas" | "reviewers" | "conflicts">) {
  const ideaInstitution = input.ideas.map((i) => normalizeInstitution(i.authorInstitution));
  const reviewerInstitution = input.reviewers.map((r) => normalizeInstitution(r.institution));
  const marked = new Map<string, { ideas: Set<string>; authors: Set<string> }>();
  for (const c of input.conflicts) {
    let entry = marked.get(c.reviewerId);
    if (!entry) {
      entry = { ideas: new Set(), authors: new Set() };
      marked.set(c.reviewerId, entry);
    }
    if (c.ideaId !== undefined) entry.ideas.add(c.ideaId);
    if (c.authorId !== undefined) entry.authors.add(c.authorId);
  }
  return (reviewerIndex: number, ideaIndex: number): boolean => {
    const reviewer = input.reviewers[reviewerIndex] as AssignmentReviewer;
    const idea = input.ideas[ideaIndex] as AssignmentIdea;
    if (idea.authorId !== null && idea.authorId === reviewer.id) return true;
    const mine = reviewerInstitution[reviewerIndex] ?? null;
    if (mine !== null && mine === ideaInstitution[ideaIndex]) return true;
    const entry = marked.get(reviewer.id);
    if (!entry) return false;
    return entry.ideas.has(idea.id) || (idea.authorId !== null && entry.authors.has(idea.authorId));
  };
}

export function validateInput(input: AssignmentInput): void {
  const { min, max } = input.reviewsPerIdea;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max) {
    throw new Error(
      `reviewsPerIdea must be integers with 0 <= min <= max and max >= 1 (got ${min}..${max}).`,
    );
  }
  const ideaIds = new Set<string>();
  for (const idea of input.ideas) {
    if (ideaIds.has(idea.id)) throw new Error(`Duplicate idea id ${idea.id}.`);
    ideaIds.add(idea.id);
  }
  const reviewerIds = new Set<string>();
  for (const r of input.reviewers) {
    if (reviewerIds.has(r.id)) throw new Error(`Duplicate reviewer id ${r.id}.`);
    reviewerIds.add(r.id);
    if (
      !Number.isInteger(r.minLoad) ||
      !Number.isInteger(r.maxLoad) ||
      r.minLoad < 0 ||
      r.minLoad > r.maxLoad
    ) {
      throw new Error(`Reviewer ${r.id}: loads must be integers with 0 <= min <= max.`);
    }
  }
}
