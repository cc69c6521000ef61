import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { parseArenaConfig, readArenaConfig, sameCriteria } from "@/lib/arena/config";
import type { ArenaConfig } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaVotes, conditions, ideas, studies, topics } from "../schema";
import { readyForReview } from "./blind-policy";
import { type Executor, loadStudy, logEvent, readConditionKeys, readTopicIds } from "./study-shared";

// The arena setup stored on the study (criteria, which ideas take part, scheduling and leaderboard
// parameters) and the ideas it lets take part. Criteria lock at the first vote (human or LLM),
// because verdicts on changed criteria would not be comparable.

export function readStudyArenaConfig(ex: Executor, studyId: string): ArenaConfig {
  const row = ex.select({ config: studies.arenaConfig }).from(studies).where(eq(studies.id, studyId)).get();
  if (!row) throw new AppError("not_found:study", "This study does not exist.");
  return readArenaConfig(row.config);
}

/** The study's arena setup, merged with the defaults (used by the judge board and the leaderboard). */
export function getArenaConfig({ studyId }: { studyId: string }): ArenaConfig {
  return withDbErrors(() => readStudyArenaConfig(getDb(), studyId));
}

export function countVotes(ex: Executor, studyId: string) {
  const rows = ex
    .select({ kind: arenaVotes.judgeKind, n: count() })
    .from(arenaVotes)
    .where(and(eq(arenaVotes.studyId, studyId), eq(arenaVotes.status, "voted")))
    .groupBy(arenaVotes.judgeKind)
    .all();
  const human = rows.find((r) => r.kind === "human")?.n ?? 0;
  const llm = rows.find((r) => r.kind === "llm")?.n ?? 0;
  return { human, llm, total: human + llm };
}

export function criteriaLockReason(ex: Executor, studyId: string): string | null {
  const v = countVotes(ex, studyId);
  if (v.total === 0) return null;
  return `The criteria are locked: ${plural(v.total, "vote has", "votes have")} been cast (${v.human} human, ${v.llm} LLM), and verdicts on changed criteria would not be comparable.`;
}

export type ArenaIdea = {
  id: string;
  code: string;
  topicId: string;
  topicName: string;
  conditionKey: string;
  authorId: string | null;
};

/** Ideas that can take part at all: submitted, with their review text decided in normalization. */
export function readReadyIdeas(ex: Executor, studyId: string): ArenaIdea[] {
  return ex
    .select({
      id: ideas.id,
      code: ideas.code,
      topicId: ideas.topicId,
      topicName: topics.name,
      conditionKey: conditions.key,
      authorId: ideas.authorId,
    })
    .from(ideas)
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
    .where(and(eq(ideas.studyId, studyId), readyForReview()))
    .orderBy(asc(ideas.code))
    .all();
}

/** The ideas the config lets take part (empty condition or topic lists mean all). */
export function selectParticipants(all: ArenaIdea[], config: ArenaConfig): ArenaIdea[] {
  const conds = new Set(config.conditionKeys);
  const tops = new Set(config.topicIds);
  return all.filter(
    (i) => (conds.size === 0 || conds.has(i.conditionKey)) && (tops.size === 0 || tops.has(i.topicId)),
  );
}

/**
 * Changes part of the setup (`patch` holds only the keys that change). The merged config is checked
 * as a whole; conditions and topics must belong to the study; criteria may change only before the
 * first vote. Refusals name the field.
 */
export function updateArenaConfig({
  studyId,
  actorId,
  patch,
}: {
  studyId: string;
  actorId: string;
  patch: Record<string, unknown>;
}): ArenaConfig {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const current = readStudyArenaConfig(tx, studyId);
        const parsed = parseArenaConfig({ ...current, ...patch });
        if (!parsed.ok) {
          throw new AppError(
            "invalid:arena_config",
            parsed.errors.join(" ") || "The arena setup is not valid.",
            {
              fieldErrors: parsed.fieldErrors,
            },
          );
        }
        const next = parsed.config;
        if (!sameCriteria(current.criteria, next.criteria)) {
          const reason = criteriaLockReason(tx, studyId);
          if (reason) throw new AppError("conflict:arena_criteria_locked", reason);
        }
        const known = readConditionKeys(tx, studyId);
        const unknownCondition = next.conditionKeys.find((k) => !known.has(k));
        if (unknownCondition !== undefined) {
          throw invalidField(
            "conditionKeys",
            `Conditions: "${unknownCondition}" is not a condition of this study.`,
          );
        }
        const topicIds = readTopicIds(tx, studyId);
        if (next.topicIds.some((id) => !topicIds.has(id))) {
          throw invalidField("topicIds", "Topics: a chosen topic is not a topic of this study.");
        }
        tx.update(studies)
          .set({ arenaConfig: next, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "arena_config_updated",
          detail: { fields: Object.keys(patch).sort() },
        });
        return next;
      },
      { behavior: "immediate" },
    ),
  );
}

function invalidField(field: string, message: string) {
  return new AppError("invalid:arena_config", message, { fieldErrors: { [field]: [message] } });
}
