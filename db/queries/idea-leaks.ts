import "server-only";
import { and, eq } from "drizzle-orm";
import { checkLeaks, type LeakFlag, type LeakPerson } from "@/lib/ideas/leak-check";
import { getStudyTemplate } from "@/lib/ideas/template";
import type { IdeaFields } from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, memberships, users } from "../schema";
import { loadStudy } from "./study-shared";

// The leak check over a study's ideas, with the study's members (name, email, institution) as the
// people to look for: hit counts for the normalization list and the hits that accepting a rewrite
// would pass to reviewers.

/** The study's members as the people whose names, emails and institutions must not reach reviewers. */
export const listLeakPeople = ({ studyId }: { studyId: string }) => leakPeople(studyId);

function leakPeople(studyId: string): LeakPerson[] {
  const rows = getDb()
    .selectDistinct({ name: users.name, email: users.email, institution: users.institution })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.studyId, studyId))
    .all();
  return rows;
}

/** The text reviewers would see if the organizer accepts as things stand. */
const candidateText = (row: {
  fields: IdeaFields;
  normalizedFields: IdeaFields | null;
  reviewTextSource: "normalized" | "original" | null;
}) => (row.reviewTextSource === "original" || !row.normalizedFields ? row.fields : row.normalizedFields);

/** Leak hits per submitted idea (id → flags) in the text reviewers would see. */
export function listLeakFlagsByIdea({ studyId }: { studyId: string }): Map<string, LeakFlag[]> {
  return withDbErrors(() => {
    const db = getDb();
    const template = getStudyTemplate(loadStudy(db, studyId));
    const people = leakPeople(studyId);
    const rows = db
      .select({
        id: ideas.id,
        fields: ideas.fields,
        normalizedFields: ideas.normalizedFields,
        reviewTextSource: ideas.reviewTextSource,
      })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted")))
      .all();
    return new Map(rows.map((r) => [r.id, checkLeaks({ fields: candidateText(r), template, people })]));
  });
}

/** The hits in an idea's rewrite (empty when it has none, or no rewrite). */
export function getRewriteLeakFlags({ studyId, ideaId }: { studyId: string; ideaId: string }): LeakFlag[] {
  return withDbErrors(() => {
    const db = getDb();
    const template = getStudyTemplate(loadStudy(db, studyId));
    const row = db
      .select({ normalizedFields: ideas.normalizedFields })
      .from(ideas)
      .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
      .get();
    if (!row?.normalizedFields) return [];
    return checkLeaks({ fields: row.normalizedFields, template, people: leakPeople(studyId) });
  });
}
