import "server-only";
import { and, asc, eq, max, ne, sql } from "drizzle-orm";
import { validateIdeaFields } from "@/lib/ideas/template";
import type { IdeationAgentId, NoveltyStatus } from "@/lib/ideation/agent-types";
import type { GeneratedIdeaProvenance } from "@/lib/ideation/run-types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, generatedIdeas, ideas, topics, users } from "../schema";
import { insertSubmittedIdea } from "./ideas-insert";
import { invalidIdea, loadStudyForNewIdeas, lockInTemplate, phaseError } from "./ideas-shared";

// Where an agent's ideas enter the study: the agent's account, the target condition, and the ideas
// themselves (submitted, provenance "generated", through the same insert as imports) with their
// provenance row. Organizer reads only; reviewers and judges see ideas through blind-policy.ts.

/** No password matches this (bcrypt hashes are 60 characters), and the account is disabled. */
const NO_LOGIN_HASH = "!agent-account-no-login";

/** The agent's non-login account, created on first use. */
export function ensureAgentUser({ agent, label }: { agent: IdeationAgentId; label: string }): string {
  const email = `agent-${agent}@agents.ideation-lab.invalid`;
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const found = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
        if (found) return found.id;
        const now = Date.now();
        return tx
          .insert(users)
          .values({ email, name: `${label} agent`, passwordHash: NO_LOGIN_HASH, disabledAt: now })
          .returning({ id: users.id })
          .get().id;
      },
      { behavior: "immediate" },
    ),
  );
}

/** The condition's id, creating it (not baseline, placed last) when the study lacks the key. */
export function ensureCondition({ studyId, key, label }: { studyId: string; key: string; label: string }) {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const found = tx
          .select({ id: conditions.id })
          .from(conditions)
          .where(and(eq(conditions.studyId, studyId), sql`lower(${conditions.key}) = lower(${key})`))
          .get();
        if (found) return { id: found.id, created: false };
        const last = tx
          .select({ p: max(conditions.position) })
          .from(conditions)
          .where(eq(conditions.studyId, studyId))
          .get();
        const row = tx
          .insert(conditions)
          .values({ studyId, key, label, isBaseline: false, position: (last?.p ?? -1) + 1 })
          .returning({ id: conditions.id })
          .get();
        return { id: row.id, created: true };
      },
      { behavior: "immediate" },
    ),
  );
}

export type NewGeneratedIdea = {
  candidate: string;
  fields: Record<string, string>;
  noveltyStatus: NoveltyStatus | null;
  provenance: Record<string, unknown>;
};

/**
 * Writes a topic's kept ideas in one transaction. Idempotent per (run, agent, topic, candidate): an
 * item that runs again after a restart writes nothing twice. Bad fields write nothing and name them.
 */
export function writeGeneratedIdeas(input: {
  studyId: string;
  runId: string;
  jobId: string;
  agentIndex: number;
  agent: IdeationAgentId;
  agentUserId: string;
  conditionId: string;
  topicId: string;
  model: string;
  params: Record<string, unknown>;
  ideas: NewGeneratedIdea[];
}): { written: number; ideaIds: string[] } {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudyForNewIdeas(tx, input.studyId);
        if (study.status !== "setup" && study.status !== "writing")
          throw phaseError("Generated ideas can be added", study.status, "the study is in setup or writing");
        const template = lockInTemplate(tx, study);
        const now = Date.now();
        const ideaIds: string[] = [];
        let written = 0;
        for (const idea of input.ideas) {
          const existing = tx
            .select({ ideaId: generatedIdeas.ideaId })
            .from(generatedIdeas)
            .where(
              and(
                eq(generatedIdeas.runId, input.runId),
                eq(generatedIdeas.agentIndex, input.agentIndex),
                eq(generatedIdeas.topicId, input.topicId),
                eq(generatedIdeas.candidate, idea.candidate),
              ),
            )
            .get();
          if (existing) {
            ideaIds.push(existing.ideaId);
            continue;
          }
          const checked = validateIdeaFields({ template, fields: idea.fields, mode: "submit" });
          if (!checked.ok) throw invalidIdea(checked.errors);
          const row = insertSubmittedIdea(tx, {
            studyId: input.studyId,
            topicId: input.topicId,
            conditionId: input.conditionId,
            authorId: input.agentUserId,
            provenance: "generated",
            jobId: input.jobId,
            fields: checked.fields,
            savedBy: input.agentUserId,
            now,
          });
          tx.insert(generatedIdeas)
            .values({
              ideaId: row.id,
              runId: input.runId,
              agentIndex: input.agentIndex,
              agent: input.agent,
              topicId: input.topicId,
              candidate: idea.candidate,
              model: input.model,
              params: input.params,
              noveltyStatus: idea.noveltyStatus,
              provenance: idea.provenance,
              createdAt: now,
            })
            .run();
          ideaIds.push(row.id);
          written++;
        }
        return { written, ideaIds };
      },
      { behavior: "immediate" },
    ),
  );
}

export type RunIdeaLink = {
  ideaId: string;
  code: string;
  title: string;
  agentIndex: number;
  topicId: string;
  topicName: string;
  candidate: string;
  noveltyStatus: NoveltyStatus | null;
};

/** The run's written ideas, for the run page's links and the cost per idea. */
export function listRunIdeas({ runId, titleKey }: { runId: string; titleKey: string | null }): RunIdeaLink[] {
  return withDbErrors(() =>
    getDb()
      .select({
        ideaId: generatedIdeas.ideaId,
        code: ideas.code,
        fields: ideas.fields,
        agentIndex: generatedIdeas.agentIndex,
        topicId: generatedIdeas.topicId,
        topicName: topics.name,
        candidate: generatedIdeas.candidate,
        noveltyStatus: generatedIdeas.noveltyStatus,
      })
      .from(generatedIdeas)
      .innerJoin(ideas, eq(ideas.id, generatedIdeas.ideaId))
      .innerJoin(topics, eq(topics.id, generatedIdeas.topicId))
      .where(eq(generatedIdeas.runId, runId))
      .orderBy(asc(generatedIdeas.agentIndex), asc(topics.position), asc(ideas.code))
      .all()
      .map(({ fields, ...r }) => ({ ...r, title: (titleKey ? fields[titleKey] : undefined) ?? r.code })),
  );
}

/** An idea's provenance row if an agent generated it (organizer pages only). */
export function getIdeaProvenance({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): GeneratedIdeaProvenance | null {
  const row = withDbErrors(() =>
    getDb()
      .select({
        ideaId: generatedIdeas.ideaId,
        runId: generatedIdeas.runId,
        agentIndex: generatedIdeas.agentIndex,
        agent: generatedIdeas.agent,
        topicId: generatedIdeas.topicId,
        candidate: generatedIdeas.candidate,
        model: generatedIdeas.model,
        params: generatedIdeas.params,
        noveltyStatus: generatedIdeas.noveltyStatus,
        provenance: generatedIdeas.provenance,
      })
      .from(generatedIdeas)
      .innerJoin(ideas, eq(ideas.id, generatedIdeas.ideaId))
      .where(and(eq(generatedIdeas.ideaId, ideaId), eq(ideas.studyId, studyId)))
      .get(),
  );
  return row ?? null;
}

/**
 * Submitted human ideas per topic, for "match the mix": the ideas of the baseline condition (where
 * written ideas go, and human ideas imported from elsewhere), never an agent's.
 */
export function countHumanIdeasByTopic({ studyId }: { studyId: string }) {
  const human = and(
    eq(ideas.topicId, topics.id),
    eq(ideas.status, "submitted"),
    ne(ideas.provenance, "generated"),
    sql`${ideas.conditionId} IN (SELECT ${conditions.id} FROM ${conditions} WHERE ${conditions.studyId} = ${studyId} AND ${conditions.isBaseline} = 1)`,
  );
  return withDbErrors(() =>
    getDb()
      .select({ topicId: topics.id, count: sql<number>`count(${ideas.id})` })
      .from(topics)
      .leftJoin(ideas, human)
      .where(eq(topics.studyId, studyId))
      .groupBy(topics.id)
      .orderBy(asc(topics.position))
      .all(),
  );
}
