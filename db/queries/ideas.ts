import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { AppError, type FieldErrors } from "@/lib/errors";
import { generateIdeaCode } from "@/lib/ideas/codes";
import { DEFAULT_IDEA_TEMPLATE, getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import {
  conditions,
  type IdeaFields,
  type IdeaProvenance,
  type IdeaStatus,
  type IdeaTemplateField,
  ideaImports,
  ideas,
  ideaVersions,
  type NormalizationReview,
  type NormalizationState,
  type StudyStatus,
  studies,
  studyEvents,
  topics,
  users,
} from "../schema";
import type { Executor } from "./study-setup";

// Ideas: the writer's side (own ideas only, optimistic concurrency on every save), the organizer's
// side (tables, balance, import, export) and the normalization state the normalize-ideas job writes.
//
// Phases: writers start, save, submit and withdraw only while the study is in "writing" (in setup
// the template and topics may still change, and a draft would lock them). Imports are allowed in
// setup and writing. Normalization decisions are allowed in writing and normalization.

const MAX_ERROR_LENGTH = 2000;
const CODE_ATTEMPTS = 10;
const IN_CHUNK = 500;

// --- helpers --------------------------------------------------------------------------------------

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Equal when every key has the same text; a missing key counts as empty. */
function sameFields(a: IdeaFields, b: IdeaFields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? "") !== (b[k] ?? "")) return false;
  return true;
}

function invalidIdea(errors: FieldErrors): AppError {
  const messages = Object.values(errors).flat();
  const more = messages.length > 1 ? ` (and ${plural(messages.length - 1, "more problem")})` : "";
  return new AppError("invalid:idea", `${messages[0]}${more}`, { fieldErrors: errors });
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

/** A code not yet used in the study. Checked first, so the insert never trips the unique index. */
function freshCode(ex: Executor, studyId: string): string {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = generateIdeaCode();
    const taken = ex
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), eq(ideas.code, code)))
      .get();
    if (!taken) return code;
  }
  throw new AppError("internal:idea_code", "Could not find a free idea code; please try again.");
}

/** Fixes the template once ideas exist: the default is stored if the organizer never set one. */
function lockInTemplate(ex: Executor, study: { id: string; ideaTemplate: IdeaTemplateField[] | null }) {
  if (study.ideaTemplate !== null) return study.ideaTemplate;
  ex.update(studies).set({ ideaTemplate: DEFAULT_IDEA_TEMPLATE }).where(eq(studies.id, study.id)).run();
  return DEFAULT_IDEA_TEMPLATE;
}

function phaseError(action: string, status: StudyStatus, allowed: string) {
  return new AppError(
    "conflict:phase",
    `${action} only while ${allowed}; the study is in the ${status} phase.`,
  );
}

/** Clears a normalization that no longer matches the text (the writer edited a submitted idea). */
const resetNormalization = {
  normalizedFields: null,
  normalizationState: "none",
  normalizationError: null,
  normalizationReview: "unreviewed",
  reviewTextSource: null,
} as const;

// --- writer ---------------------------------------------------------------------------------------

export type AuthorIdea = {
  id: string;
  studyId: string;
  code: string;
  topicId: string;
  topicName: string;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  attestedAt: number | null;
  submittedAt: number | null;
  createdAt: number;
  updatedAt: number;
};

const authorColumns = {
  id: ideas.id,
  studyId: ideas.studyId,
  code: ideas.code,
  topicId: ideas.topicId,
  topicName: topics.name,
  status: ideas.status,
  fields: ideas.fields,
  version: ideas.version,
  attestedAt: ideas.attestedAt,
  submittedAt: ideas.submittedAt,
  createdAt: ideas.createdAt,
  updatedAt: ideas.updatedAt,
};

function selectAuthorIdeas(ex: Executor, where: SQL | undefined) {
  return ex.select(authorColumns).from(ideas).innerJoin(topics, eq(topics.id, ideas.topicId)).where(where);
}

/** Starts a written idea on a topic, in the study's baseline condition, with a fresh random code. */
export function createDraftIdea({
  studyId,
  authorId,
  topicId,
  fields = {},
}: {
  studyId: string;
  authorId: string;
  topicId: string;
  fields?: Record<string, unknown>;
}): AuthorIdea {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = tx
          .select({ id: studies.id, status: studies.status, ideaTemplate: studies.ideaTemplate })
          .from(studies)
          .where(eq(studies.id, studyId))
          .get();
        if (!study) throw new AppError("not_found:study", "This study does not exist.");
        if (study.status !== "writing")
          throw phaseError("New ideas can be started", study.status, "writing is open");
        const topic = tx
          .select({ id: topics.id })
          .from(topics)
          .where(and(eq(topics.id, topicId), eq(topics.studyId, studyId)))
          .get();
        if (!topic) {
          throw new AppError("invalid:topic", "Choose one of the study's topics.", {
            fieldErrors: { topicId: ["Choose one of the study's topics."] },
          });
        }
        const baseline = tx
          .select({ id: conditions.id })
          .from(conditions)
          .where(and(eq(conditions.studyId, studyId), eq(conditions.isBaseline, true)))
          .get();
        if (!baseline) {
          throw new AppError(
            "conflict:condition",
            "The study has no baseline condition for written ideas; the organizer must mark one.",
          );
        }
        const template = lockInTemplate(tx, study);
        const checked = validateIdeaFields({ template, fields, mode: "draft" });
        if (!checked.ok) throw invalidIdea(checked.errors);
        const now = Date.now();
        const idea = tx
          .insert(ideas)
          .values({
            studyId,
            code: freshCode(tx, studyId),
            topicId,
            conditionId: baseline.id,
            authorId,
            provenance: "written",
            status: "draft",
            fields: checked.fields,
            version: 1,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: ideas.id })
          .get();
        tx.insert(ideaVersions)
          .values({
            ideaId: idea.id,
            version: 1,
            fields: checked.fields,
            kind: "save",
            savedBy: authorId,
            savedAt: now,
          })
          .run();
        return selectAuthorIdeas(tx, eq(ideas.id, idea.id)).get()!;
      },
      { behavior: "immediate" },
    ),
  );
}

/** The idea if `authorId` wrote it; undefined otherwise (someone else's idea is simply not there). */
export function getIdeaForAuthor({
  ideaId,
  authorId,
}: {
  ideaId: string;
  authorId: string;
}): AuthorIdea | undefined {
  return withDbErrors(() =>
    selectAuthorIdeas(getDb(), and(eq(ideas.id, ideaId), eq(ideas.authorId, authorId))).get(),
  );
}

/** The author's ideas in a study, most recently saved first. */
export function listIdeasForAuthor({
  studyId,
  authorId,
}: {
  studyId: string;
  authorId: string;
}): AuthorIdea[] {
  return withDbErrors(() =>
    selectAuthorIdeas(getDb(), and(eq(ideas.studyId, studyId), eq(ideas.authorId, authorId)))
      .orderBy(desc(ideas.updatedAt))
      .all(),
  );
}

export type IdeaConflict = {
  /** The version now stored, to resend as expectedVersion once the writer has chosen. */
  version: number;
  fields: IdeaFields;
  savedAt: number;
  status: IdeaStatus;
  message: string;
};

export type SaveIdeaResult =
  | {
      ok: true;
      version: number;
      savedAt: number;
      status: IdeaStatus;
      submittedAt: number | null;
      changed: boolean;
    }
  | { ok: false; conflict: IdeaConflict };

function conflictOf(row: { version: number; fields: IdeaFields; updatedAt: number; status: IdeaStatus }) {
  return {
    ok: false as const,
    conflict: {
      version: row.version,
      fields: row.fields,
      savedAt: row.updatedAt,
      status: row.status,
      message: `This idea was changed in another tab or device (version ${row.version}). Reload to see the latest text; your unsaved text is kept below.`,
    },
  };
}

function loadOwnIdea(ex: Executor, ideaId: string, authorId: string) {
  const row = ex
    .select({
      id: ideas.id,
      studyId: ideas.studyId,
      status: ideas.status,
      version: ideas.version,
      fields: ideas.fields,
      submittedAt: ideas.submittedAt,
      attestedAt: ideas.attestedAt,
      updatedAt: ideas.updatedAt,
      normalizationState: ideas.normalizationState,
      studyStatus: studies.status,
      ideaTemplate: studies.ideaTemplate,
      attestationText: studies.attestationText,
    })
    .from(ideas)
    .innerJoin(studies, eq(studies.id, ideas.studyId))
    .where(and(eq(ideas.id, ideaId), eq(ideas.authorId, authorId)))
    .get();
  if (!row) throw new AppError("not_found:idea", "This idea does not exist, or it is not yours.");
  return row;
}

/**
 * Autosave. Refused with a conflict result (nothing written) when the idea moved on since
 * `expectedVersion`, unless the text is identical anyway. Identical text writes nothing. A submitted
 * idea stays submitted and is checked as a submission (required fields, word limits).
 */
export function saveIdeaDraft({
  ideaId,
  authorId,
  expectedVersion,
  fields,
}: {
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
        if (row.studyStatus !== "writing")
          throw phaseError("Ideas can be changed", row.studyStatus, "writing is open");
        const template = getStudyTemplate(row);
        const draft = validateIdeaFields({ template, fields, mode: "draft" });
        if (!draft.ok) throw invalidIdea(draft.errors);
        const unchanged = {
          ok: true as const,
          version: row.version,
          savedAt: row.updatedAt,
          status: row.status,
          submittedAt: row.submittedAt,
          changed: false,
        };
        if (sameFields(draft.fields, row.fields)) return unchanged;
        if (row.version !== expectedVersion) return conflictOf(row);
        if (row.status === "submitted") {
          const full = validateIdeaFields({ template, fields, mode: "submit" });
          if (!full.ok) throw invalidIdea(full.errors);
        }
        const now = Date.now();
        const version = row.version + 1;
        tx.update(ideas)
          .set({ fields: draft.fields, version, updatedAt: now, ...resetNormalization })
          .where(and(eq(ideas.id, ideaId), eq(ideas.version, row.version)))
          .run();
        tx.insert(ideaVersions)
          .values({ ideaId, version, fields: draft.fields, kind: "save", savedBy: authorId, savedAt: now })
          .run();
        return { ...unchanged, version, savedAt: now, changed: true };
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Submits (or resubmits a withdrawn idea) while writing is open: every field checked as a
 * submission, and the attestation when the study has one. Submitting an already submitted idea
 * with the same text changes nothing and returns the same result.
 */
export function submitIdea({
  ideaId,
  authorId,
  expectedVersion,
  fields,
  attested,
}: {
  ideaId: string;
  authorId: string;
  expectedVersion: number;
  fields: Record<string, unknown>;
  attested: boolean;
}): SaveIdeaResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
        if (row.studyStatus !== "writing")
          throw phaseError("Ideas can be submitted", row.studyStatus, "writing is open");
        const template = getStudyTemplate(row);
        const draft = validateIdeaFields({ template, fields, mode: "draft" });
        if (!draft.ok) throw invalidIdea(draft.errors);
        const same = sameFields(draft.fields, row.fields);
        if (!same && row.version !== expectedVersion) return conflictOf(row);
        if (same && row.status === "submitted") {
          return {
            ok: true as const,
            version: row.version,
            savedAt: row.updatedAt,
            status: row.status,
            submittedAt: row.submittedAt,
            changed: false,
          };
        }
        const full = validateIdeaFields({ template, fields, mode: "submit" });
        const errors: FieldErrors = full.ok ? {} : { ...full.errors };
        const attestation = row.attestationText?.trim() ?? "";
        if (attestation !== "" && !attested) errors.attested = [`Tick "${attestation}" to submit.`];
        if (Object.keys(errors).length > 0) throw invalidIdea(errors);

        const now = Date.now();
        const version = row.version + 1;
        const wasSubmitted = row.status === "submitted";
        const submittedAt = wasSubmitted ? row.submittedAt : now;
        tx.update(ideas)
          .set({
            fields: draft.fields,
            status: "submitted",
            version,
            submittedAt,
            attestedAt: attestation === "" ? null : wasSubmitted ? (row.attestedAt ?? now) : now,
            updatedAt: now,
            ...(same ? {} : resetNormalization),
          })
          .where(and(eq(ideas.id, ideaId), eq(ideas.version, row.version)))
          .run();
        tx.insert(ideaVersions)
          .values({
            ideaId,
            version,
            fields: draft.fields,
            kind: wasSubmitted ? "save" : "submit",
            savedBy: authorId,
            savedAt: now,
          })
          .run();
        return {
          ok: true as const,
          version,
          savedAt: now,
          status: "submitted" as const,
          submittedAt,
          changed: true,
        };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Withdraws the idea while writing is open (it can be resubmitted until writing closes). */
export function withdrawIdea({ ideaId, authorId }: { ideaId: string; authorId: string }): {
  version: number;
  status: "withdrawn";
} {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = loadOwnIdea(tx, ideaId, authorId);
        if (row.studyStatus !== "writing")
          throw phaseError("Ideas can be withdrawn", row.studyStatus, "writing is open");
        if (row.status === "withdrawn") return { version: row.version, status: "withdrawn" as const };
        const now = Date.now();
        const version = row.version + 1;
        tx.update(ideas)
          .set({ status: "withdrawn", version, updatedAt: now })
          .where(eq(ideas.id, ideaId))
          .run();
        tx.insert(ideaVersions)
          .values({ ideaId, version, fields: row.fields, kind: "withdraw", savedBy: authorId, savedAt: now })
          .run();
        return { version, status: "withdrawn" as const };
      },
      { behavior: "immediate" },
    ),
  );
}

export type IdeaVersionView = {
  version: number;
  kind: "save" | "submit" | "withdraw" | "import" | "normalized_edit";
  fields: IdeaFields;
  savedAt: number;
};

/** The author's saved versions, oldest first; empty for anyone else. Organizer edits of the normalized text are not the author's and are left out. */
export function listIdeaVersions({
  ideaId,
  authorId,
}: {
  ideaId: string;
  authorId: string;
}): IdeaVersionView[] {
  return withDbErrors(() =>
    getDb()
      .select({
        version: ideaVersions.version,
        kind: ideaVersions.kind,
        fields: ideaVersions.fields,
        savedAt: ideaVersions.savedAt,
      })
      .from(ideaVersions)
      .innerJoin(ideas, eq(ideas.id, ideaVersions.ideaId))
      .where(
        and(
          eq(ideaVersions.ideaId, ideaId),
          eq(ideas.authorId, authorId),
          ne(ideaVersions.kind, "normalized_edit"),
        ),
      )
      .orderBy(asc(ideaVersions.version))
      .all(),
  );
}

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
    const byCondition = Object.fromEntries(conditionRows.map((c) => [c.id, zero()]));
    const total = zero();
    const rows = topicRows.map((t) => {
      const counts: Record<string, BalanceCount> = {};
      let rowTotal = 0;
      for (const c of conditionRows) {
        const r = byPair.get(`${t.id}|${c.id}`);
        const cell = {
          submitted: Number(r?.submitted ?? 0),
          accepted: Number(r?.accepted ?? 0),
          decided: Number(r?.decided ?? 0),
        };
        counts[c.id] = cell;
        rowTotal += cell.submitted;
        addTo(byCondition[c.id], cell);
        addTo(total, cell);
      }
      return { topicId: t.id, topicName: t.name, counts, total: rowTotal };
    });
    return { topics: topicRows, conditions: conditionRows, rows, byCondition, total };
  });
}

export function existingExternalIds({ studyId }: { studyId: string }): string[] {
  return withDbErrors(() =>
    getDb()
      .select({ externalId: ideas.externalId })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), isNotNull(ideas.externalId)))
      .all()
      .map((r) => r.externalId!),
  );
}

export type ImportRow = {
  /** Line in the file, for messages. */
  line: number;
  topicId: string;
  conditionId: string;
  externalId?: string | null;
  fields: Record<string, unknown>;
};

export type ImportResult = {
  importId: string;
  imported: number;
  skipped: { line: number; externalId: string; reason: string }[];
};

/**
 * Commits parsed rows in ONE transaction: the import record, each idea (submitted, provenance
 * imported) and its first version. Rows whose external_id is already in the study (or earlier in
 * the file) are skipped and reported. Any bad row throws invalid:import listing every bad line,
 * and nothing is written.
 */
export function commitIdeaImport({
  studyId,
  importerId,
  fileName,
  format,
  rows,
}: {
  studyId: string;
  importerId: string;
  fileName: string;
  format: "jsonl" | "csv";
  rows: ImportRow[];
}): ImportResult {
  const name = fileName.trim().slice(0, 255);
  if (name === "") throw new AppError("invalid:import", "The file needs a name.");
  if (format !== "jsonl" && format !== "csv") {
    throw new AppError("invalid:import", "Import JSONL or CSV files.");
  }
  if (rows.length === 0) throw new AppError("invalid:import", "The file has no ideas to import.");
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = tx
          .select({ id: studies.id, status: studies.status, ideaTemplate: studies.ideaTemplate })
          .from(studies)
          .where(eq(studies.id, studyId))
          .get();
        if (!study) throw new AppError("not_found:study", "This study does not exist.");
        if (study.status !== "setup" && study.status !== "writing") {
          throw phaseError("Ideas can be imported", study.status, "the study is in setup or writing");
        }
        const topicIds = new Set(
          tx
            .select({ id: topics.id })
            .from(topics)
            .where(eq(topics.studyId, studyId))
            .all()
            .map((t) => t.id),
        );
        const conditionIds = new Set(
          tx
            .select({ id: conditions.id })
            .from(conditions)
            .where(eq(conditions.studyId, studyId))
            .all()
            .map((c) => c.id),
        );
        const existing = new Set(
          tx
            .select({ externalId: ideas.externalId })
            .from(ideas)
            .where(and(eq(ideas.studyId, studyId), isNotNull(ideas.externalId)))
            .all()
            .map((r) => r.externalId),
        );
        const template = lockInTemplate(tx, study);
        const now = Date.now();
        const importRow = tx
          .insert(ideaImports)
          .values({ studyId, fileName: name, format, rowCount: 0, importedBy: importerId, importedAt: now })
          .returning({ id: ideaImports.id })
          .get();

        const errors: FieldErrors = {};
        const skipped: ImportResult["skipped"] = [];
        const seen = new Map<string, number>();
        let imported = 0;
        // Rows are inserted as they are checked; a bad row anywhere rolls all of them back.
        for (const row of rows) {
          const problems: string[] = [];
          if (!topicIds.has(row.topicId)) problems.push("the topic is not one of this study's topics");
          if (!conditionIds.has(row.conditionId))
            problems.push("the condition is not one of this study's conditions");
          const externalId = row.externalId?.trim() || null;
          if (externalId && externalId.length > 200)
            problems.push("external_id is longer than 200 characters");
          const checked = validateIdeaFields({ template, fields: row.fields, mode: "submit" });
          if (!checked.ok) problems.push(...Object.values(checked.errors).flat());
          if (problems.length > 0 || !checked.ok) {
            errors[`line ${row.line}`] = problems;
            continue;
          }
          if (externalId && existing.has(externalId)) {
            skipped.push({ line: row.line, externalId, reason: "already imported into this study" });
            continue;
          }
          if (externalId && seen.has(externalId)) {
            skipped.push({
              line: row.line,
              externalId,
              reason: `same external_id as line ${seen.get(externalId)}`,
            });
            continue;
          }
          if (externalId) seen.set(externalId, row.line);
          const idea = tx
            .insert(ideas)
            .values({
              studyId,
              code: freshCode(tx, studyId),
              topicId: row.topicId,
              conditionId: row.conditionId,
              authorId: null,
              provenance: "imported",
              importId: importRow.id,
              externalId,
              status: "submitted",
              fields: checked.fields,
              version: 1,
              submittedAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: ideas.id })
            .get();
          tx.insert(ideaVersions)
            .values({
              ideaId: idea.id,
              version: 1,
              fields: checked.fields,
              kind: "import",
              savedBy: importerId,
              savedAt: now,
            })
            .run();
          imported++;
        }
        const bad = Object.entries(errors);
        if (bad.length > 0) {
          const [line, msgs] = bad[0];
          throw new AppError(
            "invalid:import",
            `${plural(bad.length, "row")} ${bad.length === 1 ? "has" : "have"} problems, so nothing was imported. First: ${line}: ${msgs.join("; ")}.`,
            { fieldErrors: errors },
          );
        }
        tx.update(ideaImports).set({ rowCount: imported }).where(eq(ideaImports.id, importRow.id)).run();
        tx.insert(studyEvents)
          .values({
            studyId,
            actorId: importerId,
            kind: "ideas_imported",
            detail: { importId: importRow.id, fileName: name, imported, skipped: skipped.length },
            createdAt: now,
          })
          .run();
        return { importId: importRow.id, imported, skipped };
      },
      { behavior: "immediate" },
    ),
  );
}

export type ExportIdea = {
  id: string;
  code: string;
  topic: string;
  conditionKey: string;
  conditionLabel: string;
  status: IdeaStatus;
  provenance: IdeaProvenance;
  provenanceSource: string | null;
  externalId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  createdAt: number;
  submittedAt: number | null;
  fields: IdeaFields;
  normalizedFields: IdeaFields | null;
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original" | null;
};

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

// --- normalization --------------------------------------------------------------------------------

/**
 * Submitted ideas to normalize: the given ones (if submitted and in the study), or by default every
 * submitted idea not yet normalized, so a second run does not undo the organizer's decisions.
 */
export function listIdeaIdsForNormalization({
  studyId,
  ideaIds,
}: {
  studyId: string;
  ideaIds?: string[];
}): string[] {
  return withDbErrors(() => {
    const base = and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"));
    const db = getDb();
    if (ideaIds === undefined) {
      return db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(base, ne(ideas.normalizationState, "done")))
        .orderBy(asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
        .all()
        .map((r) => r.id);
    }
    const found = new Set(
      chunks([...new Set(ideaIds)]).flatMap((chunk) =>
        db
          .select({ id: ideas.id })
          .from(ideas)
          .where(and(base, inArray(ideas.id, chunk)))
          .all()
          .map((r) => r.id),
      ),
    );
    return [...new Set(ideaIds)].filter((id) => found.has(id));
  });
}

/** Marks ideas as queued for normalization; earlier normalized text and decisions are cleared. */
export function setNormalizationPending({
  studyId,
  ideaIds,
}: {
  studyId: string;
  ideaIds: string[];
}): number {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        let changed = 0;
        const now = Date.now();
        for (const chunk of chunks(ideaIds)) {
          changed += tx
            .update(ideas)
            .set({ ...resetNormalization, normalizationState: "pending", updatedAt: now })
            .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"), inArray(ideas.id, chunk)))
            .run().changes;
        }
        return changed;
      },
      { behavior: "immediate" },
    ),
  );
}

export type IdeaForNormalization = {
  id: string;
  code: string;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  normalizationState: NormalizationState;
  template: IdeaTemplateField[];
};

export function getIdeaForNormalization({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): IdeaForNormalization | undefined {
  return withDbErrors(() => {
    const row = getDb()
      .select({
        id: ideas.id,
        code: ideas.code,
        status: ideas.status,
        fields: ideas.fields,
        version: ideas.version,
        normalizationState: ideas.normalizationState,
        ideaTemplate: studies.ideaTemplate,
      })
      .from(ideas)
      .innerJoin(studies, eq(studies.id, ideas.studyId))
      .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
      .get();
    if (!row) return undefined;
    const { ideaTemplate, ...idea } = row;
    return { ...idea, template: getStudyTemplate({ ideaTemplate }) };
  });
}

/**
 * Stores the normalized text (awaiting the organizer's decision). With `sourceVersion`, only if the
 * idea's text is still that version; returns false when nothing was stored.
 */
export function saveNormalizationResult({
  ideaId,
  normalizedFields,
  sourceVersion,
}: {
  ideaId: string;
  normalizedFields: IdeaFields;
  sourceVersion?: number;
}): boolean {
  const where = [eq(ideas.id, ideaId)];
  if (sourceVersion !== undefined) where.push(eq(ideas.version, sourceVersion));
  return withDbErrors(
    () =>
      getDb()
        .update(ideas)
        .set({
          normalizedFields,
          normalizationState: "done",
          normalizationError: null,
          normalizationReview: "unreviewed",
          reviewTextSource: null,
          updatedAt: Date.now(),
        })
        .where(and(...where))
        .run().changes > 0,
  );
}

export function saveNormalizationError({ ideaId, error }: { ideaId: string; error: string }): void {
  const message = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error;
  withDbErrors(() =>
    getDb()
      .update(ideas)
      .set({ normalizationState: "error", normalizationError: message, updatedAt: Date.now() })
      .where(eq(ideas.id, ideaId))
      .run(),
  );
}

export type NormalizationDecision = "accept" | "edit" | "reject";

/**
 * The organizer's decision on one idea's normalized text: accept it, replace it with an edited
 * version (checked like a submission), or reject it so reviewers see the original.
 */
export function reviewNormalization({
  studyId,
  ideaId,
  decision,
  editedFields,
  actorId = null,
}: {
  studyId: string;
  ideaId: string;
  decision: NormalizationDecision;
  editedFields?: Record<string, unknown>;
  actorId?: string | null;
}): {
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original";
  version: number;
} {
  if (!["accept", "edit", "reject"].includes(decision)) {
    throw new AppError("invalid:decision", "Choose accept, edit or reject.");
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = tx
          .select({
            status: ideas.status,
            version: ideas.version,
            normalizedFields: ideas.normalizedFields,
            normalizationState: ideas.normalizationState,
            studyStatus: studies.status,
            ideaTemplate: studies.ideaTemplate,
          })
          .from(ideas)
          .innerJoin(studies, eq(studies.id, ideas.studyId))
          .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
          .get();
        if (!row) throw new AppError("not_found:idea", "This idea does not exist.");
        if (row.studyStatus !== "writing" && row.studyStatus !== "normalization") {
          throw phaseError(
            "Normalization decisions can be changed",
            row.studyStatus,
            "writing or normalization is open",
          );
        }
        if (row.status !== "submitted") {
          throw new AppError(
            "conflict:idea",
            `Only submitted ideas are reviewed; this one is ${row.status}.`,
          );
        }
        if (row.normalizationState === "pending") {
          throw new AppError(
            "conflict:normalization",
            "This idea is being normalized; wait for the job to finish.",
          );
        }
        const now = Date.now();
        if (decision === "accept") {
          if (row.normalizationState !== "done" || !row.normalizedFields) {
            throw new AppError("conflict:normalization", "This idea has no normalized text to accept yet.");
          }
          tx.update(ideas)
            .set({ normalizationReview: "accepted", reviewTextSource: "normalized", updatedAt: now })
            .where(eq(ideas.id, ideaId))
            .run();
          return {
            normalizationReview: "accepted" as const,
            reviewTextSource: "normalized" as const,
            version: row.version,
          };
        }
        if (decision === "reject") {
          tx.update(ideas)
            .set({ normalizationReview: "rejected", reviewTextSource: "original", updatedAt: now })
            .where(eq(ideas.id, ideaId))
            .run();
          return {
            normalizationReview: "rejected" as const,
            reviewTextSource: "original" as const,
            version: row.version,
          };
        }
        const checked = validateIdeaFields({
          template: getStudyTemplate(row),
          fields: editedFields ?? {},
          mode: "submit",
        });
        if (!checked.ok) throw invalidIdea(checked.errors);
        const version = row.version + 1;
        tx.update(ideas)
          .set({
            normalizedFields: checked.fields,
            normalizationState: "done",
            normalizationError: null,
            normalizationReview: "edited",
            reviewTextSource: "normalized",
            version,
            updatedAt: now,
          })
          .where(eq(ideas.id, ideaId))
          .run();
        tx.insert(ideaVersions)
          .values({
            ideaId,
            version,
            fields: checked.fields,
            kind: "normalized_edit",
            savedBy: actorId,
            savedAt: now,
          })
          .run();
        return { normalizationReview: "edited" as const, reviewTextSource: "normalized" as const, version };
      },
      { behavior: "immediate" },
    ),
  );
}

/** What a reviewer will read: the chosen text under the anonymous code, and nothing else. */
export type ReviewText = { code: string; topic: string; fields: IdeaFields };

/** The blind text of a submitted idea whose review text is decided; undefined otherwise. */
export function getTextForReview({ ideaId }: { ideaId: string }): ReviewText | undefined {
  return withDbErrors(() => {
    const row = getDb()
      .select({
        code: ideas.code,
        topic: topics.name,
        fields: ideas.fields,
        normalizedFields: ideas.normalizedFields,
        source: ideas.reviewTextSource,
      })
      .from(ideas)
      .innerJoin(topics, eq(topics.id, ideas.topicId))
      .where(and(eq(ideas.id, ideaId), eq(ideas.status, "submitted"), isNotNull(ideas.reviewTextSource)))
      .get();
    if (!row) return undefined;
    const fields = row.source === "normalized" && row.normalizedFields ? row.normalizedFields : row.fields;
    return { code: row.code, topic: row.topic, fields };
  });
}
