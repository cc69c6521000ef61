import "server-only";
import type { IdeaFields, IdeaProvenance } from "@/lib/ideas/types";
import { ideas, ideaVersions } from "../schema";
import { freshCode } from "./ideas-shared";
import type { Executor } from "./study-shared";

// The one way an idea arrives already submitted (an import row or an agent's idea): the idea with a
// fresh random code and its first version, inside the caller's transaction. The caller has checked
// the study's phase, the topic, the condition and the fields against the template.

export function insertSubmittedIdea(
  tx: Executor,
  row: {
    studyId: string;
    topicId: string;
    conditionId: string;
    authorId: string | null;
    provenance: Exclude<IdeaProvenance, "written">;
    importId?: string | null;
    jobId?: string | null;
    externalId?: string | null;
    fields: IdeaFields;
    savedBy: string | null;
    now: number;
  },
): { id: string } {
  const idea = tx
    .insert(ideas)
    .values({
      studyId: row.studyId,
      code: freshCode(tx, row.studyId),
      topicId: row.topicId,
      conditionId: row.conditionId,
      authorId: row.authorId,
      provenance: row.provenance,
      importId: row.importId ?? null,
      jobId: row.jobId ?? null,
      externalId: row.externalId ?? null,
      status: "submitted",
      fields: row.fields,
      version: 1,
      submittedAt: row.now,
      createdAt: row.now,
      updatedAt: row.now,
    })
    .returning({ id: ideas.id })
    .get();
  tx.insert(ideaVersions)
    .values({
      ideaId: idea.id,
      version: 1,
      fields: row.fields,
      kind: "import",
      savedBy: row.savedBy,
      savedAt: row.now,
    })
    .run();
  return idea;
}
