// The study domain's shared shapes; db/schema/studies.ts types its columns with these.

export const STUDY_STATUSES = ["setup", "writing", "normalization", "reviewing", "arena", "closed"] as const;
export type StudyStatus = (typeof STUDY_STATUSES)[number];

export type ReviewSettings = {
  /** How many topics a reviewer may prefer (at least one). */
  maxTopicChoices: number;
  /** The bounds a reviewer's load range must fall within. */
  loadMin: number;
  loadMax: number;
  /** Optional checkbox on submit, e.g. "I did not use AI tools to write this review". */
  attestationText: string | null;
  /** After the review phase closes, reviewers may read the other reviews of the ideas they reviewed. */
  showOtherReviewsAfterClose: boolean;
  /** Reviews with less active time than this are flagged on the dashboard. */
  minActiveSeconds: number;
};

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  maxTopicChoices: 2,
  loadMin: 2,
  loadMax: 7,
  attestationText: null,
  showOtherReviewsAfterClose: false,
  minActiveSeconds: 120,
};

export type PhaseDates = Partial<Record<StudyStatus, { opensAt?: number | null; closesAt?: number | null }>>;

export const STUDY_ROLES = ["organizer", "writer", "reviewer", "judge"] as const;
export type StudyRole = (typeof STUDY_ROLES)[number];
