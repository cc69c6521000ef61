import "server-only";
import { and, asc, count, eq, inArray, max, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { computeElo, scoreOf } from "@/lib/arena/elo";
import {
  type ScheduledPair,
  type SchedulePlayer,
  scheduleAdaptive,
  scheduleRoundRobin,
  scheduleSwiss,
} from "@/lib/arena/schedule";
import type { ArenaConfig, ArenaVerdict } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs, arenaVotes, conditions, ideas, topics } from "../schema";
import { readReadyIdeas, readStudyArenaConfig, selectParticipants } from "./arena-config";
import { type Executor, loadStudy, logEvent } from "./study-shared";

// The arena's schedule of pairs: the organizer's table of pairs with their vote tallies, writing the
// next batch from the configured mode (lib/arena/schedule does the pairing), and clearing pairs
// nobody has judged yet.

export type ArenaPairRow = {
  id: string;
  number: number;
  round: number;
  a: { code: string; topic: string; conditionKey: string };
  b: { code: string; topic: string; conditionKey: string };
  humanVotes: number;
  skips: number;
  llmVotes: number;
};

const ia = alias(ideas, "ia");
const ib = alias(ideas, "ib");
const ta = alias(topics, "ta");
const tb = alias(topics, "tb");
const ca = alias(conditions, "ca");
const cb = alias(conditions, "cb");

export function readPairRows(ex: Executor, studyId: string): ArenaPairRow[] {
  const rows = ex
    .select({
      id: arenaPairs.id,
      round: arenaPairs.round,
      aCode: ia.code,
      aTopic: ta.name,
      aCondition: ca.key,
      bCode: ib.code,
      bTopic: tb.name,
      bCondition: cb.key,
    })
    .from(arenaPairs)
    .innerJoin(ia, eq(ia.id, arenaPairs.ideaAId))
    .innerJoin(ib, eq(ib.id, arenaPairs.ideaBId))
    .innerJoin(ta, eq(ta.id, ia.topicId))
    .innerJoin(tb, eq(tb.id, ib.topicId))
    .innerJoin(ca, eq(ca.id, ia.conditionId))
    .innerJoin(cb, eq(cb.id, ib.conditionId))
    .where(eq(arenaPairs.studyId, studyId))
    // rowid keeps one batch in the order the scheduler wrote it.
    .orderBy(asc(arenaPairs.round), asc(arenaPairs.createdAt), sql`arena_pairs.rowid`)
    .all();
  const tallies = ex
    .select({ pairId: arenaVotes.pairId, kind: arenaVotes.judgeKind, status: arenaVotes.status, n: count() })
    .from(arenaVotes)
    .where(eq(arenaVotes.studyId, studyId))
    .groupBy(arenaVotes.pairId, arenaVotes.judgeKind, arenaVotes.status)
    .all();
  const byPair = new Map<string, { human: number; llm: number; skips: number }>();
  for (const t of tallies) {
    const c = byPair.get(t.pairId) ?? { human: 0, llm: 0, skips: 0 };
    if (t.status === "skipped") c.skips += t.n;
    else if (t.kind === "human") c.human += t.n;
    else c.llm += t.n;
    byPair.set(t.pairId, c);
  }
  return rows.map((r, i) => {
    const c = byPair.get(r.id);
    return {
      id: r.id,
      number: i + 1,
      round: r.round,
      a: { code: r.aCode, topic: r.aTopic, conditionKey: r.aCondition },
      b: { code: r.bCode, topic: r.bTopic, conditionKey: r.bCondition },
      humanVotes: c?.human ?? 0,
      skips: c?.skips ?? 0,
      llmVotes: c?.llm ?? 0,
    };
  });
}

/** The study, while its arena schedule may still change (until the study closes). */
function loadSchedulableStudy(ex: Executor, studyId: string) {
  const study = loadStudy(ex, studyId);
  if (study.status === "closed") {
    throw new AppError("conflict:phase", "The study is closed; the arena schedule can no longer change.");
  }
  return study;
}

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

type VoteRow = {
  id: string;
  left: string;
  right: string;
  verdicts: Record<string, ArenaVerdict>;
  createdAt: number;
};

/** One game per vote from the left idea's side: the mean of its per-criterion scores. */
function voteGames(votes: VoteRow[]) {
  return votes
    .map((v) => {
      const scores = Object.values(v.verdicts).map(scoreOf);
      return scores.length === 0
        ? null
        : { a: v.left, b: v.right, score: scores.reduce((s, x) => s + x, 0) / scores.length };
    })
    .filter((g): g is { a: string; b: string; score: number } => g !== null);
}

export type ScheduleResult = {
  round: number;
  added: number;
  mode: ArenaConfig["mode"];
  participants: number;
};

/**
 * Writes the next batch of pairs from the configured mode: round-robin schedules every pair still
 * missing; adaptive and Swiss schedule one round of at most `budget` pairs from the current match
 * counts and scores. No idea meets itself and no unordered pair is scheduled twice.
 */
export function scheduleArenaPairs({
  studyId,
  actorId,
}: {
  studyId: string;
  actorId: string;
}): ScheduleResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadSchedulableStudy(tx, studyId);
        const config = readStudyArenaConfig(tx, studyId);
        const participants = selectParticipants(readReadyIdeas(tx, studyId), config);
        if (participants.length < 2) {
          throw new AppError(
            "conflict:arena_too_few_ideas",
            `At least two ideas must take part to schedule pairs; the setup includes ${participants.length}. Ideas take part once they are submitted and their review text is decided (Normalization).`,
          );
        }
        const existing = tx
          .select({ a: arenaPairs.ideaAId, b: arenaPairs.ideaBId })
          .from(arenaPairs)
          .where(eq(arenaPairs.studyId, studyId))
          .all();
        const scheduled = new Set(existing.map((p) => pairKey(p.a, p.b)));
        const round =
          (tx
            .select({ r: max(arenaPairs.round) })
            .from(arenaPairs)
            .where(eq(arenaPairs.studyId, studyId))
            .get()?.r ?? 0) + 1;
        const players: SchedulePlayer[] = participants.map((i) => ({
          id: i.id,
          topic: i.topicId,
          authorId: i.authorId,
        }));
        const base = { players, seed: config.seed + round - 1, sameTopic: config.sameTopic };
        let proposed: ScheduledPair[];
        if (config.mode === "round_robin") {
          proposed = scheduleRoundRobin(base);
        } else {
          // Match counts count scheduled pairs, judged or not, so that a new round does not pile onto
          // ideas whose earlier pairs are still waiting for judges.
          const counts = new Map<string, number>();
          for (const p of existing) {
            counts.set(p.a, (counts.get(p.a) ?? 0) + 1);
            counts.set(p.b, (counts.get(p.b) ?? 0) + 1);
          }
          const games = voteGames(readVotes(tx, studyId));
          if (config.mode === "adaptive") {
            // The scheduler knows only its own batch, so ask for enough pairs that the ones already
            // scheduled can be dropped: what remains is min(budget, every pair still available).
            proposed = scheduleAdaptive({
              ...base,
              matchCounts: counts,
              ratings: computeElo(games, { k: config.k }),
              budget: config.budget + scheduled.size,
            });
          } else {
            const scores = new Map<string, number>();
            for (const g of games) {
              scores.set(g.a, (scores.get(g.a) ?? 0) + g.score);
              scores.set(g.b, (scores.get(g.b) ?? 0) + 1 - g.score);
            }
            proposed = scheduleSwiss({ ...base, scores, played: existing });
          }
        }
        const fresh: ScheduledPair[] = [];
        for (const p of proposed) {
          const key = pairKey(p.a, p.b);
          if (p.a === p.b || scheduled.has(key)) continue;
          scheduled.add(key);
          fresh.push(p);
          if (config.mode !== "round_robin" && fresh.length >= config.budget) break;
        }
        if (fresh.length === 0) {
          return { round: round - 1, added: 0, mode: config.mode, participants: participants.length };
        }
        const now = Date.now();
        // In slices, to stay far below SQLite's limit on bound parameters in one statement.
        for (let i = 0; i < fresh.length; i += 500) {
          tx.insert(arenaPairs)
            .values(
              fresh
                .slice(i, i + 500)
                .map((p) => ({ studyId, ideaAId: p.a, ideaBId: p.b, round, createdAt: now })),
            )
            .run();
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "arena_scheduled",
          detail: {
            mode: config.mode,
            round,
            added: fresh.length,
            seed: base.seed,
            sameTopic: config.sameTopic,
          },
        });
        return { round, added: fresh.length, mode: config.mode, participants: participants.length };
      },
      { behavior: "immediate" },
    ),
  );
}

function readVotes(ex: Executor, studyId: string): VoteRow[] {
  return ex
    .select({
      id: arenaVotes.id,
      left: arenaVotes.leftIdeaId,
      right: arenaVotes.rightIdeaId,
      verdicts: arenaVotes.verdicts,
      createdAt: arenaVotes.createdAt,
    })
    .from(arenaVotes)
    .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.status, "voted")))
    .orderBy(asc(arenaVotes.createdAt), asc(arenaVotes.id))
    .all();
}

/** Removes the pairs nobody has judged or skipped yet (to redo a schedule); judged pairs stay. */
export function clearUnjudgedArenaPairs({ studyId, actorId }: { studyId: string; actorId: string }): number {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadSchedulableStudy(tx, studyId);
        const unjudged = tx
          .select({ id: arenaPairs.id })
          .from(arenaPairs)
          .where(
            and(
              eq(arenaPairs.studyId, studyId),
              notExists(
                tx.select({ id: arenaVotes.id }).from(arenaVotes).where(eq(arenaVotes.pairId, arenaPairs.id)),
              ),
            ),
          )
          .all()
          .map((p) => p.id);
        if (unjudged.length === 0) return 0;
        for (let i = 0; i < unjudged.length; i += 500) {
          tx.delete(arenaPairs)
            .where(inArray(arenaPairs.id, unjudged.slice(i, i + 500)))
            .run();
        }
        logEvent(tx, { studyId, actorId, kind: "arena_pairs_cleared", detail: { removed: unjudged.length } });
        return unjudged.length;
      },
      { behavior: "immediate" },
    ),
  );
}
