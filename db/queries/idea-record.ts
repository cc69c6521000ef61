import "server-only";
import { and, asc, eq, or } from "drizzle-orm";
import type { ArenaVerdict } from "@/lib/arena/types";
import type { IdeaFields } from "@/lib/ideas/types";
import { type QualityFlag, qualityFlags } from "@/lib/reviews/quality";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaVotes, ideas, ideaVersions, reviews, users } from "../schema";
import { readReviewSetup } from "./review-setup";

// Everything an organizer may know about one idea: every saved version (the author's and the
// organizer's edits of the review text), its reviews with their quality flags, and its arena record.
// Organizer-only: it names reviewers and authors.

export type IdeaVersionRow = {
  version: number;
  kind: string;
  /** For a restore: the version it brought back. */
  restoredFrom: number | null;
  fields: IdeaFields;
  savedAt: number;
  savedByName: string | null;
};

export type IdeaReviewRow = {
  id: string;
  reviewerName: string | null;
  status: "draft" | "submitted";
  scores: Record<string, number | null>;
  activeSeconds: number;
  submittedAt: number | null;
  flags: QualityFlag[];
};

export type ArenaRecordRow = { criterion: string; wins: number; losses: number; ties: number };

export type IdeaRecord = {
  versions: IdeaVersionRow[];
  reviews: IdeaReviewRow[];
  arena: { votes: number; human: number; llm: number; byCriterion: ArenaRecordRow[] };
};

/** The record of an idea within its study; undefined when the idea is not in the study. */
export function getIdeaRecord({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): IdeaRecord | undefined {
  return withDbErrors(() => {
    const db = getDb();
    const idea = db
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
      .get();
    if (!idea) return undefined;
    const versions = db
      .select({
        version: ideaVersions.version,
        kind: ideaVersions.kind,
        restoredFrom: ideaVersions.restoredFrom,
        fields: ideaVersions.fields,
        savedAt: ideaVersions.savedAt,
        savedByName: users.name,
      })
      .from(ideaVersions)
      .leftJoin(users, eq(users.id, ideaVersions.savedBy))
      .where(eq(ideaVersions.ideaId, ideaId))
      .orderBy(asc(ideaVersions.version))
      .all();
    const { form, settings } = readReviewSetup(db, studyId);
    const reviewRows = db
      .select({
        id: reviews.id,
        reviewerName: users.name,
        status: reviews.status,
        answers: reviews.answers,
        activeSeconds: reviews.activeSeconds,
        submittedAt: reviews.submittedAt,
      })
      .from(reviews)
      .leftJoin(users, eq(users.id, reviews.reviewerId))
      .where(and(eq(reviews.studyId, studyId), eq(reviews.ideaId, ideaId)))
      .orderBy(asc(reviews.createdAt))
      .all()
      .map(({ answers, ...r }) => ({
        ...r,
        scores: answers.scores,
        flags:
          r.status === "submitted"
            ? qualityFlags(form, answers, r.activeSeconds, { minActiveSeconds: settings.minActiveSeconds })
            : [],
      }));
    const votes = db
      .select({
        kind: arenaVotes.judgeKind,
        left: arenaVotes.leftIdeaId,
        verdicts: arenaVotes.verdicts,
      })
      .from(arenaVotes)
      .where(
        and(
          eq(arenaVotes.studyId, studyId),
          eq(arenaVotes.status, "voted"),
          or(eq(arenaVotes.leftIdeaId, ideaId), eq(arenaVotes.rightIdeaId, ideaId)),
        ),
      )
      .all();
    const byCriterion = new Map<string, ArenaRecordRow>();
    for (const v of votes) {
      const mine: ArenaVerdict = v.left === ideaId ? "a" : "b";
      for (const [criterion, verdict] of Object.entries(v.verdicts)) {
        const row = byCriterion.get(criterion) ?? { criterion, wins: 0, losses: 0, ties: 0 };
        if (verdict === "tie") row.ties += 1;
        else if (verdict === mine) row.wins += 1;
        else row.losses += 1;
        byCriterion.set(criterion, row);
      }
    }
    return {
      versions,
      reviews: reviewRows,
      arena: {
        votes: votes.length,
        human: votes.filter((v) => v.kind === "human").length,
        llm: votes.filter((v) => v.kind === "llm").length,
        byCriterion: [...byCriterion.values()],
      },
    };
  });
}
