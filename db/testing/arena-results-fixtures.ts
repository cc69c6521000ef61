import { getDb } from "@/db/client";
import { addStudyRoles } from "@/db/queries/studies";
import { advancePhase } from "@/db/queries/study-setup";
import { arenaPairs, arenaVotes } from "@/db/schema";
import type { ArenaVerdict } from "@/lib/arena/types";
import { makeUser } from "./fixtures";
import { makeReviewStudy, startReviewing } from "./review-fixtures";

// A study in the arena phase for the LLM judge and results tests: the review fixture's ideas (two
// topics × Human/AI), round-robin pairs within each topic written straight into arena_pairs (the
// scheduler has its own tests), and judge members for human votes.

export function makeArenaStudy({ ideasPerCell = 1, judgeCount = 2 } = {}) {
  const base = makeReviewStudy({ ideasPerCell, reviewerCount: 0 });
  startReviewing(base.study.id, base.organizer.id);
  advancePhase({ studyId: base.study.id, actorId: base.organizer.id, to: "arena" });
  const pairs: { id: string; ideaAId: string; ideaBId: string }[] = [];
  for (const topicId of [base.graphs.id, base.prompting.id]) {
    const group = base.ideas.filter((i) => i.topicId === topicId);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        pairs.push(addArenaPair({ studyId: base.study.id, ideaAId: group[i]!.id, ideaBId: group[j]!.id }));
      }
    }
  }
  const judges = Array.from({ length: judgeCount }, (_, i) => {
    const user = makeUser({ name: `Judge ${i + 1}` });
    addStudyRoles({ studyId: base.study.id, userId: user.id, roles: ["judge"] });
    return user;
  });
  return { ...base, pairs, judges };
}

export function addArenaPair({
  studyId,
  ideaAId,
  ideaBId,
}: {
  studyId: string;
  ideaAId: string;
  ideaBId: string;
}) {
  return getDb()
    .insert(arenaPairs)
    .values({ studyId, ideaAId, ideaBId })
    .returning({ id: arenaPairs.id, ideaAId: arenaPairs.ideaAId, ideaBId: arenaPairs.ideaBId })
    .get();
}

/** A human judge's vote (or skip) as the judge board would store it; "a" is the left idea. */
export function addHumanVote({
  studyId,
  pairId,
  judgeId,
  leftIdeaId,
  rightIdeaId,
  verdicts,
  status = "voted",
  createdAt = Date.now(),
}: {
  studyId: string;
  pairId: string;
  judgeId: string;
  leftIdeaId: string;
  rightIdeaId: string;
  verdicts: Record<string, ArenaVerdict>;
  status?: "voted" | "skipped";
  createdAt?: number;
}) {
  return getDb()
    .insert(arenaVotes)
    .values({
      studyId,
      pairId,
      judgeKey: judgeId,
      judgeId,
      judgeKind: "human",
      status,
      leftIdeaId,
      rightIdeaId,
      verdicts: status === "skipped" ? {} : verdicts,
      createdAt,
    })
    .returning({ id: arenaVotes.id })
    .get();
}
