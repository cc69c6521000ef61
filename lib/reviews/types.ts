// The review domain's shared shapes; db/schema/reviews.ts types its columns with these.

export const ASSIGNMENT_STATES = ["proposed", "published", "withdrawn"] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
