import "server-only";
import { eq } from "drizzle-orm";
import type { TidyReview } from "@/lib/stats/tidy";
import { ideas, topics } from "../schema";
import { freshCode } from "./ideas-shared";
import type { Executor } from "./study-shared";

// "Create missing ideas" for an external review import: a study made to analyze a published table
// has no idea texts, only the ids the file names. Each unknown idea_id becomes a placeholder idea
// with its topic and condition (external_id = the file's idea_id), never shown to reviewers or
// judges (no review text is chosen for it). Topics the file names and the study lacks are added;
// conditions must exist, since the organizer decides which one is the baseline.

export type PlaceholderIdea = { id: string; code: string; topic: string; condition: string };
export type PlaceholderResult = {
  issues: { line: number; message: string }[];
  created: (PlaceholderIdea & { externalId: string })[];
  topicsCreated: number;
};

/** Writes nothing useful when issues are returned: the caller throws and the transaction rolls back. */
export function createPlaceholderIdeas(
  tx: Executor,
  {
    studyId,
    rows,
    isKnown,
    conditionIds,
  }: {
    studyId: string;
    rows: readonly TidyReview[];
    isKnown: (ideaId: string) => boolean;
    /** Condition key → id. */
    conditionIds: Map<string, string>;
  },
): PlaceholderResult {
  const issues: PlaceholderResult["issues"] = [];
  const wanted = new Map<string, { topic: string; condition: string; line: number }>();
  for (const row of rows) {
    if (isKnown(row.ideaId) || !conditionIds.has(row.condition)) continue;
    const first = wanted.get(row.ideaId);
    if (first === undefined) {
      if (row.topic === "")
        issues.push({
          line: row.line,
          message: `idea "${row.ideaId}" is not in this study, and a placeholder needs its topic (column "topic")`,
        });
      else if (row.ideaId.length > 200)
        issues.push({ line: row.line, message: "idea_id is longer than 200 characters" });
      else wanted.set(row.ideaId, { topic: row.topic, condition: row.condition, line: row.line });
    } else if (first.condition !== row.condition || first.topic !== row.topic)
      issues.push({
        line: row.line,
        message: `idea "${row.ideaId}" is under ${row.topic}/${row.condition} here but ${first.topic}/${first.condition} on line ${first.line}; a placeholder has one topic and condition`,
      });
  }
  if (issues.length > 0 || wanted.size === 0) return { issues, created: [], topicsCreated: 0 };

  const topicIds = new Map(
    tx
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(eq(topics.studyId, studyId))
      .all()
      .map((t) => [t.name, t.id]),
  );
  let topicsCreated = 0;
  let position = topicIds.size;
  const now = Date.now();
  const created: PlaceholderResult["created"] = [];
  for (const [externalId, { topic, condition }] of wanted) {
    let topicId = topicIds.get(topic);
    if (topicId === undefined) {
      topicId = tx
        .insert(topics)
        .values({ studyId, name: topic, position: position++ })
        .returning({ id: topics.id })
        .get().id;
      topicIds.set(topic, topicId);
      topicsCreated += 1;
    }
    const code = freshCode(tx, studyId);
    const idea = tx
      .insert(ideas)
      .values({
        studyId,
        code,
        topicId,
        conditionId: conditionIds.get(condition) as string,
        authorId: null,
        provenance: "imported",
        externalId,
        status: "submitted",
        fields: { title: `Placeholder for "${externalId}" (created by a review import)` },
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: ideas.id })
      .get();
    created.push({ id: idea.id, code, topic, condition, externalId });
  }
  return { issues, created, topicsCreated };
}
