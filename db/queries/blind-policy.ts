import "server-only";
import { type AnyColumn, and, eq, isNotNull } from "drizzle-orm";
import type { IdeaFields, IdeaTemplateField } from "@/lib/ideas/types";
import { ideas } from "../schema";

// The blindness policy: the single place that decides what reviewers and judges may see. Which
// ideas they may be given (readyForReview), which text of an idea they read (reviewTextColumns,
// chosenReviewText), how that text is shown (reviewSections), and the view types every blind read
// returns. An idea reaches them only as its random code (reviewers), its topic and this text: never
// its author, condition, provenance, internal id or another reviewer. Queries that serve reviewers
// or judges (reviews-reviewer, arena-judging, getTextForReview) build their results from these and
// nothing else.

/** One section of the chosen text, in template order. */
export type BlindSection = { key: string; label: string; text: string };

/** The idea as a reviewer sees it. */
export type BlindIdea = { code: string; topic: string; sections: BlindSection[] };

/** The idea as a judge sees it in the arena: not even the code, so pairs cannot be cross-referenced. */
export type BlindArenaIdea = { topic: string; sections: BlindSection[] };

/** What a reviewer will read: the chosen text under the anonymous code, and nothing else. */
export type ReviewText = { code: string; topic: string; fields: IdeaFields };

export type ReviewState = "not_started" | "draft" | "submitted";

/** One row of the reviewer's queue. */
export type BlindQueueItem = {
  assignmentId: string;
  code: string;
  topic: string;
  state: ReviewState;
  dueAt: number | null;
};

/**
 * Ideas reviewers and judges may be given: submitted, with their review text decided in
 * normalization. Takes the columns so aliased idea tables (an arena pair's two sides) use it too.
 */
export function readyForReview(columns: { status: AnyColumn; reviewTextSource: AnyColumn } = ideas) {
  return and(eq(columns.status, "submitted"), isNotNull(columns.reviewTextSource));
}

/** The columns chosenReviewText reads: spread them into a blind read's select. */
export const reviewTextColumns = {
  fields: ideas.fields,
  normalizedFields: ideas.normalizedFields,
  source: ideas.reviewTextSource,
};

/** The text reviewers and judges see: the accepted (or edited) normalized text, else the original. */
export function chosenReviewText(row: {
  fields: IdeaFields;
  normalizedFields: IdeaFields | null;
  source: "normalized" | "original" | null;
}): IdeaFields {
  return row.source === "normalized" && row.normalizedFields ? row.normalizedFields : row.fields;
}

/** That text as the template's sections, in template order, empty sections left out. */
export function reviewSections(template: IdeaTemplateField[], fields: IdeaFields): BlindSection[] {
  return template
    .map((f) => ({ key: f.key, label: f.label, text: fields[f.key] ?? "" }))
    .filter((s) => s.text.trim() !== "");
}
