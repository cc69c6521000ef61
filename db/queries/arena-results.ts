import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import {
  APP_PRIOR,
  ARENA_FILE_NAMES,
  type ArenaFiles,
  type ArenaOutputs,
  type ArenaParams,
  arenaCliCommand,
  computeArenaOutputs,
} from "@/lib/arena/leaderboard-outputs";
import { writeMatchesCsv } from "@/lib/arena/matches-file";
import type { MatchRecord } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { pseudonymizeReviewer } from "@/lib/reviews/pseudonym";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaSnapshots, arenaVotes, conditions, ideas, topics, users } from "../schema";
import { readStudyArenaConfig } from "./arena-config";
import { getPseudonymSalt } from "./review-exchange";
import { type Executor, logEvent } from "./study-shared";

// The arena's results: every vote as matches.csv, the leaderboard files computed from it exactly as
// the CLI (`npm run arena`) computes them, and published snapshots. The files are computed from the
// parsed matches.csv text, not from the rows directly, so the app and the CLI cannot drift apart:
// the same file and parameters give byte-identical ratings.csv, winrates.csv and agreement.csv.
// Players are idea codes (the per-study codes judges see) and condition keys.

export type LiveArenaResults = ArenaOutputs & { criteria: string[] };

export type ArenaSnapshotSummary = {
  id: string;
  createdAt: number;
  matchesHash: string;
  matchCount: number;
  params: ArenaParams;
  publishedBy: string | null;
};

export type ArenaSnapshotView = ArenaSnapshotSummary & {
  files: ArenaFiles;
  problems: string[];
  criteria: string[];
};

const iso = (ms: number) => new Date(ms).toISOString();

// --- matches --------------------------------------------------------------------------------------

function readMatches(ex: Executor, studyId: string): MatchRecord[] {
  const config = readStudyArenaConfig(ex, studyId);
  const order = config.criteria.map((c) => c.key);
  const ideaRows = ex
    .select({ id: ideas.id, code: ideas.code, topic: topics.name, condition: conditions.key })
    .from(ideas)
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
    .where(eq(ideas.studyId, studyId))
    .all();
  const byId = new Map(ideaRows.map((i) => [i.id, i]));
  const votes = ex
    .select({
      id: arenaVotes.id,
      judgeKind: arenaVotes.judgeKind,
      judgeId: arenaVotes.judgeId,
      model: arenaVotes.model,
      judgeKey: arenaVotes.judgeKey,
      left: arenaVotes.leftIdeaId,
      right: arenaVotes.rightIdeaId,
      verdicts: arenaVotes.verdicts,
      createdAt: arenaVotes.createdAt,
    })
    .from(arenaVotes)
    .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.status, "voted")))
    .orderBy(asc(arenaVotes.createdAt), asc(arenaVotes.id))
    .all();
  // Only when a human voted: reading results should not be what creates the salt otherwise.
  const salt = votes.some((v) => v.judgeKind === "human") ? getPseudonymSalt(ex, studyId) : "";
  const matches: MatchRecord[] = [];
  for (const vote of votes) {
    const a = byId.get(vote.left);
    const b = byId.get(vote.right);
    if (!a || !b) continue;
    const judgeId =
      vote.judgeKind === "llm"
        ? (vote.model ?? vote.judgeKey.split(":")[1] ?? "llm")
        : pseudonymizeReviewer({ salt, userId: vote.judgeId ?? vote.id });
    const topic = a.topic === b.topic ? a.topic : [a.topic, b.topic].sort().join(" | ");
    const keys = [
      ...order.filter((k) => k in vote.verdicts),
      ...Object.keys(vote.verdicts).filter((k) => !order.includes(k)),
    ];
    for (const criterion of keys) {
      const winner = vote.verdicts[criterion];
      if (winner !== "a" && winner !== "b" && winner !== "tie") continue;
      matches.push({
        matchId: vote.id,
        topic,
        ideaA: a.code,
        ideaB: b.code,
        conditionA: a.condition,
        conditionB: b.condition,
        judgeId,
        judgeKind: vote.judgeKind,
        criterion,
        winner,
        createdAt: iso(vote.createdAt),
      });
    }
  }
  return matches;
}

/**
 * One record per voted judgment × criterion, oldest first (skips are not matches). `idea_a` is the
 * idea shown left; human judges appear under their per-study pseudonym, the LLM under its model.
 */
export function listArenaMatches({ studyId }: { studyId: string }): MatchRecord[] {
  return withDbErrors(() => getDb().transaction((tx) => readMatches(tx, studyId)));
}

export function getArenaMatchesCsv({ studyId }: { studyId: string }): string {
  return writeMatchesCsv(listArenaMatches({ studyId }));
}

// --- the live leaderboard (the files themselves: lib/arena/leaderboard-outputs.ts) ----------------

function paramsOf(config: { k: number; bootstrap: number; seed: number }, prior: number): ArenaParams {
  return { k: config.k, bootstrap: config.bootstrap, seed: config.seed, prior };
}

/** The leaderboard as it stands now, with the study's k, bootstrap and seed and this prior. */
export function getLiveArenaResults({
  studyId,
  prior = APP_PRIOR,
}: {
  studyId: string;
  prior?: number;
}): LiveArenaResults {
  const { matches, config } = withDbErrors(() =>
    getDb().transaction((tx) => ({
      matches: readMatches(tx, studyId),
      config: readStudyArenaConfig(tx, studyId),
    })),
  );
  const outputs = computeArenaOutputs({
    matchesCsv: writeMatchesCsv(matches),
    params: paramsOf(config, prior),
  });
  return { ...outputs, criteria: config.criteria.map((c) => c.key) };
}

// --- snapshots -----------------------------------------------------------------------------------

const snapshotColumns = {
  id: arenaSnapshots.id,
  createdAt: arenaSnapshots.createdAt,
  matchesHash: arenaSnapshots.matchesHash,
  matchCount: arenaSnapshots.matchCount,
  params: arenaSnapshots.params,
  publishedBy: users.name,
};

type SnapshotRow = {
  id: string;
  createdAt: number;
  matchesHash: string;
  matchCount: number;
  params: Record<string, unknown>;
  publishedBy: string | null;
};

function toSummary(row: SnapshotRow): ArenaSnapshotSummary {
  const p = row.params;
  return {
    id: row.id,
    createdAt: row.createdAt,
    matchesHash: row.matchesHash,
    matchCount: row.matchCount,
    // Snapshots published before the prior option were plain maximum likelihood.
    params: {
      k: Number(p.k),
      bootstrap: Number(p.bootstrap),
      seed: Number(p.seed),
      prior: p.prior === undefined ? 0 : Number(p.prior),
    },
    publishedBy: row.publishedBy,
  };
}

/** Published leaderboards, newest first (without their files). */
export function listArenaSnapshots({ studyId }: { studyId: string }): ArenaSnapshotSummary[] {
  return withDbErrors(() =>
    getDb()
      .select(snapshotColumns)
      .from(arenaSnapshots)
      .leftJoin(users, eq(users.id, arenaSnapshots.publishedBy))
      .where(eq(arenaSnapshots.studyId, studyId))
      .orderBy(desc(arenaSnapshots.createdAt), desc(arenaSnapshots.id))
      .all()
      .map(toSummary),
  );
}

/** One published leaderboard of this study with its files; undefined when there is none. */
export function getArenaSnapshot({
  studyId,
  snapshotId,
}: {
  studyId: string;
  snapshotId: string;
}): ArenaSnapshotView | undefined {
  return withDbErrors(() => {
    const row = getDb()
      .select({ ...snapshotColumns, files: arenaSnapshots.files })
      .from(arenaSnapshots)
      .leftJoin(users, eq(users.id, arenaSnapshots.publishedBy))
      .where(and(eq(arenaSnapshots.studyId, studyId), eq(arenaSnapshots.id, snapshotId)))
      .get();
    if (!row) return undefined;
    const files = Object.fromEntries(ARENA_FILE_NAMES.map((name) => [name, row.files[name] ?? ""]));
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
    return {
      ...toSummary(row),
      files: files as ArenaFiles,
      problems: list(row.params.problems),
      criteria: list(row.params.criteria),
    };
  });
}

export type ArenaStaleness = {
  latest: ArenaSnapshotSummary | null;
  /** True when matches or parameters changed since the latest snapshot (false without one). */
  stale: boolean;
  reasons: string[];
};

/** Compares the latest snapshot with the live results. */
export function getArenaStaleness({
  studyId,
  live,
}: {
  studyId: string;
  live: Pick<ArenaOutputs, "matchesHash" | "matchCount" | "params">;
}): ArenaStaleness {
  const [latest] = listArenaSnapshots({ studyId });
  if (!latest) return { latest: null, stale: false, reasons: [] };
  const reasons: string[] = [];
  if (latest.matchesHash !== live.matchesHash) {
    const diff = live.matchCount - latest.matchCount;
    reasons.push(
      diff > 0
        ? `${diff} new ${diff === 1 ? "match" : "matches"} since it was published`
        : "the matches changed since it was published",
    );
  }
  for (const key of ["k", "bootstrap", "seed", "prior"] as const) {
    if (latest.params[key] !== live.params[key]) {
      reasons.push(`${key} is now ${live.params[key]} (it was ${latest.params[key]})`);
    }
  }
  return { latest, stale: reasons.length > 0, reasons };
}

/**
 * Stores the live leaderboard as a snapshot: parameters, the criteria, the warnings, the hash of
 * matches.csv and all four files. Refused without matches, and when nothing changed since the last.
 */
export function publishArenaSnapshot({
  studyId,
  actorId,
  prior = APP_PRIOR,
}: {
  studyId: string;
  actorId: string;
  prior?: number;
}): ArenaSnapshotSummary {
  const live = getLiveArenaResults({ studyId, prior });
  if (live.matchCount === 0) {
    throw new AppError(
      "conflict:arena_empty",
      "There is nothing to publish yet: no judge has voted. Run the LLM judge or wait for human votes.",
    );
  }
  const staleness = getArenaStaleness({ studyId, live });
  if (staleness.latest && !staleness.stale) {
    throw new AppError(
      "conflict:arena_snapshot_unchanged",
      `Nothing changed since the snapshot published ${iso(staleness.latest.createdAt).slice(0, 16).replace("T", " ")} UTC: same matches, same parameters.`,
    );
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const [row] = tx
          .insert(arenaSnapshots)
          .values({
            studyId,
            params: {
              ...live.params,
              criteria: live.criteria,
              problems: live.problems,
              verdictCount: live.verdictCount,
              command: arenaCliCommand(live.params),
            },
            matchesHash: live.matchesHash,
            matchCount: live.matchCount,
            files: live.files,
            publishedBy: actorId,
          })
          .returning({ id: arenaSnapshots.id, createdAt: arenaSnapshots.createdAt })
          .all();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "arena_published",
          detail: { snapshotId: row!.id, matchesHash: live.matchesHash, matchCount: live.matchCount },
        });
        const name = tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get();
        return {
          id: row!.id,
          createdAt: row!.createdAt,
          matchesHash: live.matchesHash,
          matchCount: live.matchCount,
          params: live.params,
          publishedBy: name?.name ?? null,
        };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Each idea's condition by code, for the organizer's idea leaderboard. */
export function getIdeaConditionsByCode({ studyId }: { studyId: string }): Map<string, string> {
  return withDbErrors(
    () =>
      new Map(
        getDb()
          .select({ code: ideas.code, condition: conditions.key })
          .from(ideas)
          .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
          .where(eq(ideas.studyId, studyId))
          .all()
          .map((r) => [r.code, r.condition]),
      ),
  );
}
