import { updateArenaConfig } from "@/db/queries/arena-config";
import { addStudyRoles } from "@/db/queries/studies";
import { getUserByEmail } from "@/db/queries/users";
import { addArenaPair, addHumanVote } from "@/db/testing/arena-results-fixtures";
import type { ArenaVerdict } from "@/lib/arena/types";
import { ADMIN, ARENA_CRITERIA, type SeededPair, type SeededReviewStudy } from "../seed-data";

// Arena data for a study seeded with status "arena": the leaderboard parameters, round-robin pairs
// within each topic (as the setup page would schedule them) and a human vote on some pairs, so the
// leaderboard has both kinds of judges.

export function seedArenaPairs({
  study,
  params,
  humanVotes = 4,
}: {
  study: SeededReviewStudy;
  params: { k: number; bootstrap: number; seed: number };
  humanVotes?: number;
}): { pairs: SeededPair[] } {
  const admin = getUserByEmail({ email: ADMIN.email });
  if (!admin) throw new Error(`${ADMIN.email} does not exist yet: first-run.spec.ts creates it.`);
  updateArenaConfig({ studyId: study.studyId, actorId: admin.id, patch: params });
  const pairs: SeededPair[] = [];
  for (const topic of [...new Set(study.ideas.map((i) => i.topic))]) {
    const group = study.ideas.filter((i) => i.topic === topic);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        pairs.push(addArenaPair({ studyId: study.studyId, ideaAId: group[i]!.id, ideaBId: group[j]!.id }));
      }
    }
  }
  const judges = study.reviewers;
  for (const judge of judges) addStudyRoles({ studyId: study.studyId, userId: judge.id, roles: ["judge"] });
  const now = Date.now();
  pairs.slice(0, humanVotes).forEach((pair, n) => {
    const verdicts = Object.fromEntries(
      ARENA_CRITERIA.map((c, k) => [c, (["a", "b", "tie"] as const)[(n + k) % 3] as ArenaVerdict]),
    );
    const judge = judges[n % judges.length]!;
    addHumanVote({
      studyId: study.studyId,
      pairId: pair.id,
      judgeId: judge.id,
      leftIdeaId: n % 2 ? pair.ideaBId : pair.ideaAId,
      rightIdeaId: n % 2 ? pair.ideaAId : pair.ideaBId,
      verdicts,
      createdAt: now - 60_000 + n,
    });
  });
  return { pairs };
}
