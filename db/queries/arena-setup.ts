import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { ArenaConfig } from "@/lib/arena/types";
import type { StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaVotes, conditions, memberships, topics, users } from "../schema";
import {
  countVotes,
  criteriaLockReason,
  readReadyIdeas,
  readStudyArenaConfig,
  selectParticipants,
} from "./arena-config";
import { type ArenaPairRow, readPairRows } from "./arena-schedule";
import { type Executor, loadStudy } from "./study-shared";

// What the organizer's arena setup page shows in one read: the config (arena-config), the judges
// with their tallies, and the schedule of pairs (arena-schedule).

export type ArenaJudge = { userId: string; name: string; email: string; voted: number; skipped: number };

export type ArenaSetup = {
  studyStatus: StudyStatus;
  config: ArenaConfig;
  /** Why the criteria cannot change any more, or null while they can. */
  criteriaLockedReason: string | null;
  conditions: { key: string; label: string }[];
  topics: { id: string; name: string }[];
  /** Ideas ready for the arena (submitted, text decided), and how many of them the config includes. */
  readyIdeas: number;
  participants: number;
  judges: ArenaJudge[];
  pairs: ArenaPairRow[];
  rounds: number;
  votes: { human: number; llm: number; skips: number };
};

function readJudges(ex: Executor, studyId: string): ArenaJudge[] {
  const members = ex
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.studyId, studyId), eq(memberships.role, "judge")))
    .orderBy(asc(users.name))
    .all();
  const tallies = ex
    .select({ judgeId: arenaVotes.judgeId, status: arenaVotes.status, n: count() })
    .from(arenaVotes)
    .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.judgeKind, "human")))
    .groupBy(arenaVotes.judgeId, arenaVotes.status)
    .all();
  const tally = (userId: string, status: "voted" | "skipped") =>
    tallies.find((t) => t.judgeId === userId && t.status === status)?.n ?? 0;
  return members.map((m) => ({ ...m, voted: tally(m.userId, "voted"), skipped: tally(m.userId, "skipped") }));
}

export function getArenaSetup({ studyId }: { studyId: string }): ArenaSetup {
  return withDbErrors(() => {
    const db = getDb();
    const study = loadStudy(db, studyId);
    const config = readStudyArenaConfig(db, studyId);
    const ready = readReadyIdeas(db, studyId);
    const pairs = readPairRows(db, studyId);
    const votes = countVotes(db, studyId);
    const skips =
      db
        .select({ n: count() })
        .from(arenaVotes)
        .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.status, "skipped")))
        .get()?.n ?? 0;
    return {
      studyStatus: study.status,
      config,
      criteriaLockedReason: criteriaLockReason(db, studyId),
      conditions: db
        .select({ key: conditions.key, label: conditions.label })
        .from(conditions)
        .where(eq(conditions.studyId, studyId))
        .orderBy(asc(conditions.position), asc(conditions.createdAt))
        .all(),
      topics: db
        .select({ id: topics.id, name: topics.name })
        .from(topics)
        .where(eq(topics.studyId, studyId))
        .orderBy(asc(topics.position), asc(topics.createdAt))
        .all(),
      readyIdeas: ready.length,
      participants: selectParticipants(ready, config).length,
      judges: readJudges(db, studyId),
      pairs,
      rounds: pairs.reduce((m, p) => Math.max(m, p.round), 0),
      votes: { human: votes.human, llm: votes.llm, skips },
    };
  });
}
