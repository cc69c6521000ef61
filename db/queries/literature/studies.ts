import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../../client";
import { studies } from "../../schema";

/** The study fields the literature page and CLI need; undefined when it does not exist. */
export function getStudyForLiterature({ studyId }: { studyId: string }) {
  return getDb()
    .select({ id: studies.id, title: studies.title, literatureCutoff: studies.literatureCutoff })
    .from(studies)
    .where(eq(studies.id, studyId))
    .get();
}
