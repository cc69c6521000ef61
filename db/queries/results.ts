import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { toCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import {
  analyzeReviews,
  listConditions,
  parseTidyReviews,
  type ResolvedParams,
  type ReviewAnalysis,
  type TidyTable,
} from "@/lib/stats";
import {
  analyzeResultsTable,
  REVIEWS_FILE,
  type ResultsParamsInput,
  type ResultsTable,
  type StudyResults,
} from "@/lib/stats/study-results";
import { uuidSchema } from "@/lib/validation";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, resultSnapshots, users } from "../schema";
import { countOpenWork, openAssignments } from "./open-work";
import { getTidyReviewExport } from "./review-exchange";
import { loadStudy, logEvent } from "./study-shared";

// The study's results: the tidy review table (exactly the CSV text an organizer downloads, parsed
// back the way `npm run stats` parses it), the analysis of lib/stats, the output files (the same
// bytes the CLI writes), and published snapshots of all of it with the hash of the table they read.
// The analysis itself is pure and lives in lib/stats/study-results.ts.

/** The analysis as published, so a snapshot shows its numbers even if lib/stats changes later. */
const ANALYSIS_FILE = "analysis.json";

export type ResultSnapshotSummary = {
  id: string;
  params: ResolvedParams;
  tableHash: string;
  reviewCount: number;
  publishedBy: string | null;
  publishedByName: string | null;
  createdAt: number;
};
export type ResultSnapshotDetail = ResultSnapshotSummary & { files: Record<string, string> };

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The conditions that have reviews in the table, in the study's order, and the default baseline. */
function orderConditions(studyId: string, table: TidyTable) {
  const studyConditions = getDb()
    .select({ key: conditions.key, isBaseline: conditions.isBaseline })
    .from(conditions)
    .where(eq(conditions.studyId, studyId))
    .orderBy(asc(conditions.position), asc(conditions.createdAt))
    .all();
  const present = new Set(listConditions(table));
  const ordered = studyConditions.map((c) => c.key).filter((key) => present.has(key));
  for (const key of present) if (!ordered.includes(key)) ordered.push(key);
  const baseline = studyConditions.find((c) => c.isBaseline)?.key;
  return {
    conditions: ordered,
    defaultBaseline: baseline !== undefined && present.has(baseline) ? baseline : (ordered[0] ?? null),
  };
}

/** The submitted (and imported) reviews of a study as the tidy table, its text and its hash. */
export function loadResultsTable({ studyId }: { studyId: string }): ResultsTable {
  return withDbErrors(() => {
    const exported = getTidyReviewExport({ studyId });
    const text = toCsv({ columns: exported.columns, rows: exported.rows });
    // Parsed without a metrics list, as the CLI parses a file given without --metrics.
    const parsed = parseTidyReviews(text);
    if (!parsed.ok) {
      const first = parsed.issues[0];
      throw new AppError(
        "internal:results_table",
        `The review table could not be read back (line ${first?.line}: ${first?.message}).`,
      );
    }
    return {
      text,
      hash: sha256(text),
      table: parsed.table,
      reviewCount: parsed.table.rows.length,
      ...orderConditions(studyId, parsed.table),
    };
  });
}

/** The live results of a study for these parameters (defaults: the study's baseline, Bonferroni, per comparison). */
export function computeStudyResults({
  studyId,
  params,
}: {
  studyId: string;
  params: ResultsParamsInput;
}): StudyResults {
  return analyzeResultsTable(loadResultsTable({ studyId }), params);
}

/**
 * Computes the results from the reviews as they are now and stores them as a snapshot. Refused while
 * any assignment is open unless `allowOpen` (a reviewer with a draft would otherwise read results
 * computed without their review). Members may download the per-review table only when
 * `shareReviewTable`; the choice is stored in the snapshot's params and enforced on download.
 */
export function publishResults({
  studyId,
  actorId,
  params,
  allowOpen = false,
  shareReviewTable = false,
}: {
  studyId: string;
  actorId: string;
  params: ResultsParamsInput;
  allowOpen?: boolean;
  shareReviewTable?: boolean;
}): ResultSnapshotSummary {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const open = openAssignments(countOpenWork(tx, studyId));
        if (open > 0 && !allowOpen) {
          throw new AppError(
            "conflict:results_open",
            `${open} assigned review${open === 1 ? " is" : "s are"} still open (not started or in draft). Wait until reviewing is done, or tick "Publish anyway" to publish without them.`,
          );
        }
        // Read inside the write transaction, so the hash is of exactly the reviews the files use.
        const results = computeStudyResults({ studyId, params });
        const now = Date.now();
        const row = tx
          .insert(resultSnapshots)
          .values({
            studyId,
            params: { ...results.params, shareReviewTable, openAssignments: open },
            tableHash: results.tableHash,
            reviewCount: results.reviewCount,
            files: { ...results.files, [ANALYSIS_FILE]: JSON.stringify(results.analysis) },
            publishedBy: actorId,
            createdAt: now,
          })
          .returning({ id: resultSnapshots.id })
          .get();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "results_published",
          detail: {
            snapshotId: row.id,
            params: results.params,
            reviewCount: results.reviewCount,
            tableHash: results.tableHash,
          },
        });
        const publisher = tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get();
        return {
          id: row.id,
          params: results.params,
          tableHash: results.tableHash,
          reviewCount: results.reviewCount,
          publishedBy: actorId,
          publishedByName: publisher?.name ?? null,
          createdAt: now,
        };
      },
      { behavior: "immediate" },
    ),
  );
}

const summaryColumns = {
  id: resultSnapshots.id,
  params: resultSnapshots.params,
  tableHash: resultSnapshots.tableHash,
  reviewCount: resultSnapshots.reviewCount,
  publishedBy: resultSnapshots.publishedBy,
  publishedByName: users.name,
  createdAt: resultSnapshots.createdAt,
};

const toSummary = <T extends { params: Record<string, unknown> }>(row: T) => ({
  ...row,
  params: row.params as ResolvedParams,
});

/** Every snapshot of the study, newest first (the first is the published results). */
export function listResultSnapshots({ studyId }: { studyId: string }): ResultSnapshotSummary[] {
  return withDbErrors(() =>
    getDb()
      .select(summaryColumns)
      .from(resultSnapshots)
      .leftJoin(users, eq(users.id, resultSnapshots.publishedBy))
      .where(eq(resultSnapshots.studyId, studyId))
      // rowid breaks ties between snapshots published in the same millisecond.
      .orderBy(desc(resultSnapshots.createdAt), desc(sql`${resultSnapshots}.rowid`))
      .all()
      .map(toSummary),
  );
}

/** One snapshot with its files, only within its own study; undefined when there is none. */
export function getResultSnapshot({
  studyId,
  snapshotId,
}: {
  studyId: string;
  snapshotId: string;
}): ResultSnapshotDetail | undefined {
  if (!uuidSchema.safeParse(snapshotId).success) return undefined;
  return withDbErrors(() => {
    const row = getDb()
      .select({ ...summaryColumns, files: resultSnapshots.files })
      .from(resultSnapshots)
      .leftJoin(users, eq(users.id, resultSnapshots.publishedBy))
      .where(and(eq(resultSnapshots.studyId, studyId), eq(resultSnapshots.id, snapshotId)))
      .get();
    return row === undefined ? undefined : toSummary(row);
  });
}

/** Whether members (not only organizers) may download this snapshot's per-review table. */
export const membersMayDownloadReviews = (snapshot: { params: object }) =>
  (snapshot.params as { shareReviewTable?: unknown }).shareReviewTable === true;

/** The newest snapshot, i.e. the published results; undefined before the first publication. */
export function getLatestSnapshot({ studyId }: { studyId: string }): ResultSnapshotDetail | undefined {
  const [latest] = listResultSnapshots({ studyId });
  return latest === undefined ? undefined : getResultSnapshot({ studyId, snapshotId: latest.id });
}

/** The analysis and table a snapshot was made from, as published, and the conditions in it. */
export function readSnapshotResults({
  studyId,
  snapshot,
}: {
  studyId: string;
  snapshot: ResultSnapshotDetail;
}): { analysis: ReviewAnalysis; table: TidyTable; conditions: string[] } {
  const parsed = parseTidyReviews(snapshot.files[REVIEWS_FILE] ?? "");
  if (!parsed.ok) throw new AppError("internal:result_snapshot", "This snapshot's review table is damaged.");
  const stored = snapshot.files[ANALYSIS_FILE];
  const analysis =
    stored === undefined
      ? analyzeReviews(parsed.table, snapshot.params)
      : (JSON.parse(stored) as ReviewAnalysis);
  const { conditions: ordered } = withDbErrors(() => orderConditions(studyId, parsed.table));
  return { analysis, table: parsed.table, conditions: ordered };
}

/** Whether the submitted reviews differ from those a snapshot was computed from (by table hash). */
export function haveReviewsChangedSince({ studyId, snapshotId }: { studyId: string; snapshotId: string }): {
  changed: boolean;
  reviewCount: number;
} {
  const snapshot = getResultSnapshot({ studyId, snapshotId });
  if (snapshot === undefined)
    throw new AppError("not_found:result_snapshot", "This snapshot does not exist.");
  const current = loadResultsTable({ studyId });
  return { changed: current.hash !== snapshot.tableHash, reviewCount: current.reviewCount };
}
