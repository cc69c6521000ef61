import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { STUDY_ROLES, type StudyRole } from "@/lib/studies/types";
import { withDbErrors } from "../errors";
import { preparedOnce } from "../prepared";
import { consents, memberships, type Study, studies } from "../schema";

// What the guard (server/auth/check-guard.ts) needs to authorize a request in a study, in one
// prepared statement: the study, the caller's roles in it, and whether the caller still has to
// accept its consent text. Before, the guard read the study, then the roles, then consent.

export type AccessStudy = Pick<
  Study,
  "id" | "title" | "description" | "status" | "isDemo" | "createdAt" | "createdBy" | "archivedAt"
>;

export type StudyAccess = {
  study: AccessStudy;
  /** The caller's own roles (memberships only; admin rights are the guard's business), in role order. */
  roles: StudyRole[];
  /** The study has consent text and the caller has not accepted it. */
  consentPending: boolean;
};

const accessQuery = preparedOnce((db) =>
  db
    .select({
      id: studies.id,
      title: studies.title,
      description: studies.description,
      status: studies.status,
      isDemo: studies.isDemo,
      createdAt: studies.createdAt,
      createdBy: studies.createdBy,
      archivedAt: studies.archivedAt,
      consentText: studies.consentText,
      roles: sql<string | null>`(select group_concat(${memberships.role}) from ${memberships} where ${and(
        eq(memberships.studyId, studies.id),
        eq(memberships.userId, sql.placeholder("userId")),
      )})`,
      consented: sql<number>`exists (select 1 from ${consents} where ${and(
        eq(consents.studyId, studies.id),
        eq(consents.userId, sql.placeholder("userId")),
      )})`,
    })
    .from(studies)
    .where(eq(studies.id, sql.placeholder("studyId")))
    .prepare(),
);

const roleOrder = (a: StudyRole, b: StudyRole) => STUDY_ROLES.indexOf(a) - STUDY_ROLES.indexOf(b);

/** The study and the user's standing in it; undefined when the study does not exist. */
export function getStudyAccess({
  studyId,
  userId,
}: {
  studyId: string;
  userId: string;
}): StudyAccess | undefined {
  const row = withDbErrors(() => accessQuery().get({ studyId, userId }));
  if (!row) return undefined;
  const { consentText, roles, consented, ...study } = row;
  return {
    study,
    roles: ((roles?.split(",") ?? []) as StudyRole[]).sort(roleOrder),
    consentPending: consentText.trim() !== "" && !consented,
  };
}
