import "server-only";
import { cache } from "react";
import { getStudyAccess, type StudyAccess } from "@/db/queries/study-access";

/**
 * The caller's access to a study (db/queries/study-access.ts), read once per page render: the study
 * layout's guard, the page's guard and the page's consent check share one row (React cache). Outside
 * a render (server actions, route handlers, tests) each call reads the database.
 */
export const readStudyAccess = cache((studyId: string, userId: string): StudyAccess | undefined =>
  getStudyAccess({ studyId, userId }),
);
