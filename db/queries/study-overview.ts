import "server-only";
import { and, count, eq } from "drizzle-orm";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaVotes, reviews } from "../schema";
import { type BalanceTable, getBalanceTable } from "./ideas-organizer";
import { countOpenWork } from "./open-work";

// The organizer's overview counts: ideas per topic × condition, reviews submitted and open, arena
// votes by people and by the LLM judge. Organizer-only (per-condition counts).

export type StudyOverviewCounts = {
  balance: BalanceTable;
  reviewsSubmitted: number;
  reviewDrafts: number;
  reviewsNotStarted: number;
  draftIdeas: number;
  humanVotes: number;
  llmVotes: number;
  unjudgedPairs: number;
};

export function getStudyOverviewCounts({ studyId }: { studyId: string }): StudyOverviewCounts {
  return withDbErrors(() => {
    const db = getDb();
    const work = countOpenWork(db, studyId);
    const submitted =
      db
        .select({ n: count() })
        .from(reviews)
        .where(and(eq(reviews.studyId, studyId), eq(reviews.status, "submitted")))
        .get()?.n ?? 0;
    const votes = db
      .select({ kind: arenaVotes.judgeKind, n: count() })
      .from(arenaVotes)
      .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.status, "voted")))
      .groupBy(arenaVotes.judgeKind)
      .all();
    return {
      balance: getBalanceTable({ studyId }),
      reviewsSubmitted: submitted,
      reviewDrafts: work.reviewDrafts,
      reviewsNotStarted: work.reviewsNotStarted,
      draftIdeas: work.draftIdeas,
      humanVotes: votes.find((v) => v.kind === "human")?.n ?? 0,
      llmVotes: votes.find((v) => v.kind === "llm")?.n ?? 0,
      unjudgedPairs: work.unjudgedPairs,
    };
  });
}
