// Inputs and outputs of the reviewer-assignment engine (see shared/specs/assignment.md).

export type AssignmentIdea = {
  id: string;
  topic: string;
  condition: string;
  authorId: string | null;
  authorInstitution: string | null;
};

export type AssignmentReviewer = {
  id: string;
  topics: string[];
  minLoad: number;
  maxLoad: number;
  institution: string | null;
};

/** A reviewer marked as conflicted with one idea, or with every idea of one author. */
export type AssignmentConflict = { reviewerId: string; ideaId?: string; authorId?: string };

export type AssignmentInput = {
  ideas: AssignmentIdea[];
  reviewers: AssignmentReviewer[];
  conflicts: AssignmentConflict[];
  reviewsPerIdea: { min: number; max: number };
  seed: number;
  /**
   * Pairs already published ("assign remaining"): they stay as they are, count toward each idea's
   * reviews, each reviewer's load and condition balance, and are never placed again.
   */
  fixed?: Assignment[];
};

export type Assignment = { ideaId: string; reviewerId: string };

export type AssignmentReport = {
  placed: number;
  /** Ideas with at least reviewsPerIdea.min reviews. */
  ideasCovered: number;
  ideasShort: { ideaId: string; got: number; needed: number; reason: string }[];
  reviewersUnbalanced: { reviewerId: string; reason: string }[];
  reviewersUnderMin: { reviewerId: string; got: number; min: number; reason: string }[];
  perIdea: { ideaId: string; topic: string; condition: string; reviews: number }[];
  perReviewer: {
    reviewerId: string;
    load: number;
    minLoad: number;
    maxLoad: number;
    byCondition: Record<string, number>;
  }[];
  perTopicCondition: { topic: string; condition: string; ideas: number; reviews: number; covered: number }[];
};

export type AssignmentResult = { assignments: Assignment[]; report: AssignmentReport };
