// The idea domain's shared shapes; db/schema types its columns with these.

export const IDEA_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_PROVENANCES = ["written", "imported", "generated"] as const;
export type IdeaProvenance = (typeof IDEA_PROVENANCES)[number];

export const NORMALIZATION_STATES = ["none", "pending", "done", "error"] as const;
export type NormalizationState = (typeof NORMALIZATION_STATES)[number];

/** The organizer's decision on a normalized idea. */
export const NORMALIZATION_REVIEWS = ["unreviewed", "accepted", "edited", "rejected"] as const;
export type NormalizationReview = (typeof NORMALIZATION_REVIEWS)[number];

export type IdeaFields = Record<string, string>;

export type IdeaTemplateField = {
  key: string;
  label: string;
  guidance: string;
  required: boolean;
  /** Maximum words; null = no limit beyond the 20,000-character cap. */
  wordLimit: number | null;
};
