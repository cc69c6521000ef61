import "server-only";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { ExportIdea } from "@/lib/ideas/export";
import type {
  IdeaFields,
  IdeaProvenance,
  IdeaStatus,
  NormalizationReview,
  NormalizationState,
} from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideaImports, ideas, topics, users } from "../schema";

// The organizer's side of ideas: tables, balance, export. Importing a file is in ideas-import.ts.

// --- organizer ------------------------------------------------------------------------------------
// These take the studyId the organizer guard already checked and never return another study's rows.

export type OrganizerIdea = {
  id: string;
  code: string;
  topicId: string;
  topicName: string;
  conditionId: string;
  conditionKey: string;
  conditionLabel: string;
  authorId: string | null;
  authorName: string | null;
  provenance: IdeaProvenance;
  /** The import's file name, or the generating job's id; null for written ideas. */
  provenanceSource: string | null;
  externalId: string | null;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  createdAt: number;
  submittedAt: number | null;
  updatedAt: number;
  normalizationState: NormalizationState;
  normalizationError: string | null;
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original" | null;
};

const organizerColumns = {
  id: ideas.id,
  code: ideas.code,
  topicId: ideas.topicId,
  topicName: topics.name,
  conditionId: ideas.conditionId,
  conditionKey: conditions.key,
  conditionLabel: conditions.label,
  authorId: ideas.authorId,
  authorName: users.name,
  provenance: ideas.provenance,
  provenanceSource: sql<
    string | null
  >`case ${ideas.provenance} when 'imported' then ${ideaImports.fileName} when 'generated' then ${ideas.jobId} else null end`,
  externalId: ideas.externalId,
  status: ideas.status,
  fields: ideas.fields,
  version: ideas.version,
  createdAt: ideas.createdAt,
  submittedAt: ideas.submittedAt,
  updatedAt: ideas.updatedAt,
  normalizationState: ideas.normalizationState,
  normalizationError: ideas.normalizationError,
  normalizationReview: ideas.normalizationReview,
  reviewTextSource: ideas.reviewTextSource,
};

// Dynamic so the same joins serve the table, the detail and the export, each with its own columns.
function withOrganizerJoins<T extends SQLiteSelect>(qb: T, where: SQL | undefined) {
  return qb
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .leftJoin(ideaImports, eq(ideaImports.id, ideas.importId))
    .where(where);
}

export function listIdeasForOrganizer({
  studyId,
  topicId,
  conditionId,
  status,
  provenance,
}: {
  studyId: string;
  topicId?: string;
  conditionId?: string;
  status?: IdeaStatus;
  provenance?: IdeaProvenance;
}): OrganizerIdea[] {
  const filters: SQL[] = [eq(ideas.studyId, studyId)];
  if (topicId) filters.push(eq(ideas.topicId, topicId));
  if (conditionId) filters.push(eq(ideas.conditionId, conditionId));
  if (status) filters.push(eq(ideas.status, status));
  if (provenance) filters.push(eq(ideas.provenance, provenance));
  return withDbErrors(() =>
    withOrganizerJoins(getDb().select(organizerColumns).from(ideas).$dynamic(), and(...filters))
      .orderBy(asc(topics.position), asc(conditions.position), asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
      .all(),
  );
}

export type OrganizerIdeaDetail = OrganizerIdea & { normalizedFields: IdeaFields | null };

export function getIdeaForOrganizer({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): OrganizerIdeaDetail | undefined {
  return withDbErrors(() =>
    withOrganizerJoins(
      getDb()
        .select({ ...organizerColumns, normalizedFields: ideas.normalizedFields })
        .from(ideas)
        .$dynamic(),
      and(eq(ideas.studyId, studyId), eq(ideas.id, ideaId)),
    ).get(),
  );
}

export type BalanceCount = {
  /** Ideas counted: submitted ones by default (see `statuses`). */
  submitted: number;
  /** Normalized text accepted (as is or edited) by the organizer. */
  accepted: number;
  /** Review text decided: accepted, edited, or the original chosen. */
  decided: number;
};

export type BalanceTable = {
  topics: { id: string; name: string }[];
  conditions: { id: string; key: string; label: string; isBaseline: boolean }[];
  /** One row per topic in settings order; every condition has a count, zeros included. */
  rows: { topicId: string; topicName: string; counts: Record<string, BalanceCount>; total: number }[];
  byCondition: Record<string, BalanceCount>;
  total: BalanceCount;
};

const zero = (): BalanceCount => ({ submitted: 0, accepted: 0, decided: 0 });
function addTo(target: BalanceCount, c: BalanceCount) {
  target.submitted += c.submitted;
  target.accepted += c.accepted;
  target.decided += c.decided;
}

/** Counts per topic × condition: a study compares conditions fairly only when their topic mix matches. */
export function getBalanceTable({
  studyId,
  statuses = ["submitted"],
}: {
  studyId: string;
  statuses?: IdeaStatus[];
}): BalanceTable {
  return withDbErrors(() => {
    const db = getDb();
    const topicRows = db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(eq(topics.studyId, studyId))
      .orderBy(asc(topics.position))
      .all();
    const conditionRows = db
      .select({
        id: conditions.id,
        key: conditions.key,
        label: conditions.label,
        isBaseline: conditions.isBaseline,
      })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .orderBy(asc(conditions.position))
      .all();
    const counted =
      statuses.length === 0
        ? []
        : db
            .select({
              topicId: ideas.topicId,
              conditionId: ideas.conditionId,
              submitted: count(),
              accepted: sql<number>`coalesce(sum(case when ${ideas.normalizationReview} in ('accepted', 'edited') then 1 else 0 end), 0)`,
              decided: sql<number>`coalesce(sum(case when ${ideas.reviewTextSource} is not null then 1 else 0 end), 0)`,
            })
            .from(ideas)
            .where(and(eq(ideas.studyId, studyId), inArray(ideas.status, statuses)))
            .groupBy(ideas.topicId, ideas.conditionId)
            .all();
    const byPair = new Map(counted.map((r) => [`${r.topicId}|${r.conditionId}`, r]));
    // Each condition with its running column total.
    const columns = conditionRows.map((c) => ({ id: c.id, total: zero() }));
    const total = zero();
    const rows = topicRows.map((t) => {
      const counts: Record<string, BalanceCount> = {};
      let rowTotal = 0;
      for (const c of columns) {
        const r = byPair.get(`${t.id}|${c.id}`);
        const cell = {
          submitted: Number(r?.submitted ?? 0),
          accepted: Number(r?.accepted ?? 0),
          decided: Number(r?.decided ?? 0),
        };
        counts[c.id] = cell;
        rowTotal += cell.submitted;
        addTo(c.total, cell);
        addTo(total, cell);
      }
      return { topicId: t.id, topicName: t.name, counts, total: rowTotal };
    });
    const byCondition = Object.fromEntries(columns.map((c) => [c.id, c.total]));
    return { topics: topicRows, conditions: conditionRows, rows, byCondition, total };
  });
}

// The export shape is defined beside the code that writes the files.
export type { ExportIdea } from "@/lib/ideas/export";

/** Every idea of the study (all statuses), in table order, as plain data for JSONL/CSV/Markdown. */
export function listIdeasForExport({ studyId }: { studyId: string }): ExportIdea[] {
  return withDbErrors(() =>
    withOrganizerJoins(
      getDb()
        .select({
          id: ideas.id,
          code: ideas.code,
          topic: topics.name,
          conditionKey: conditions.key,
          conditionLabel: conditions.label,
          status: ideas.status,
          provenance: ideas.provenance,
          provenanceSource: organizerColumns.provenanceSource,
          externalId: ideas.externalId,
          authorName: users.name,
          authorEmail: users.email,
          createdAt: ideas.createdAt,
          submittedAt: ideas.submittedAt,
          fields: ideas.fields,
          normalizedFields: ideas.normalizedFields,
          normalizationReview: ideas.normalizationReview,
          reviewTextSource: ideas.reviewTextSource,
        })
        .from(ideas)
        .$dynamic(),
      eq(ideas.studyId, studyId),
    )
      .orderBy(asc(topics.position), asc(conditions.position), asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
      .all(),
  );
}
