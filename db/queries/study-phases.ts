import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { needsConfirmation } from "@/lib/studies/phase-change";
import { type PhaseDates, STUDY_STATUSES, type StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, consents, ideas, studies, topics } from "../schema";
import { getPhaseChangeImpact } from "./open-work";
import { lockInReviewForm } from "./review-setup";
import { type Executor, loadStudy, logEvent, parse } from "./study-shared";

// --- phase dates ----------------------------------------------------------------------------------

const epochMs = z
  .number({ error: "Enter a date." })
  .int("Enter a date.")
  .min(0, "Enter a date.")
  .nullable()
  .optional();

export const phaseDatesSchema = z.partialRecord(
  z.enum(STUDY_STATUSES, { error: "Unknown phase." }),
  z
    .object({ opensAt: epochMs, closesAt: epochMs })
    .refine((d) => d.opensAt == null || d.closesAt == null || d.closesAt > d.opensAt, {
      message: "The close date must be after the open date.",
      path: ["closesAt"],
    }),
);

/** "Writing closes: the close date must be after the open date." */
const PHASE_DATE_LABELS = Object.fromEntries(
  STUDY_STATUSES.flatMap((p) => {
    const name = p[0]?.toUpperCase() + p.slice(1);
    return [
      [p, name],
      [`${p}.opensAt`, `${name} opens`],
      [`${p}.closesAt`, `${name} closes`],
    ];
  }),
);

/** Planned dates per phase (epoch ms); informative only: phases change when the organizer says so. */
export function updatePhaseDates({
  studyId,
  actorId,
  dates: input,
}: {
  studyId: string;
  actorId: string;
  /** PhaseDates, validated here. */
  dates: unknown;
}): PhaseDates {
  const dates = parse("invalid:phase_dates", phaseDatesSchema, input, PHASE_DATE_LABELS) as PhaseDates;
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        tx.update(studies)
          .set({ phaseDates: dates, updatedAt: Date.now() })
          .where(eq(studies.id, studyId))
          .run();
        logEvent(tx, { studyId, actorId, kind: "settings_changed", detail: { section: "phase_dates" } });
        return dates;
      },
      { behavior: "immediate" },
    ),
  );
}

// --- phases ---------------------------------------------------------------------------------------

/** Problems that keep a study from entering `to` (moving forward); empty when it may. */
function forwardProblems(ex: Executor, studyId: string, to: StudyStatus): string[] {
  const problems: string[] = [];
  if (to === "writing") {
    const topicCount =
      ex.select({ n: count() }).from(topics).where(eq(topics.studyId, studyId)).get()?.n ?? 0;
    const conds = ex
      .select({ isBaseline: conditions.isBaseline })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .all();
    if (topicCount === 0) problems.push("Add at least one topic before writing starts.");
    if (conds.length < 2) {
      problems.push(
        `Add at least two conditions (e.g. Human and AI) before writing starts; the study has ${conds.length}.`,
      );
    }
    if (conds.filter((c) => c.isBaseline).length !== 1) {
      problems.push("Mark exactly one condition as the baseline before writing starts.");
    }
  } else if (to === "normalization") {
    const submitted = countSubmitted(ex, studyId);
    if (submitted === 0) problems.push("Writing cannot close yet: no idea has been submitted.");
  } else if (to === "reviewing") {
    const undecided =
      ex
        .select({ n: count() })
        .from(ideas)
        .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted"), isNull(ideas.reviewTextSource)))
        .get()?.n ?? 0;
    if (undecided > 0) {
      problems.push(
        `${plural(undecided, "submitted idea")} ${undecided === 1 ? "has" : "have"} no review text decided yet: accept, edit or reject the normalized text of each first.`,
      );
    }
  }
  return problems;
}

function countSubmitted(ex: Executor, studyId: string): number {
  return (
    ex
      .select({ n: count() })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "submitted")))
      .get()?.n ?? 0
  );
}

const phaseNames = STUDY_STATUSES.join(", ");

/**
 * Moves the study one phase forward (after that phase's checks) or one phase back (with a reason),
 * logging a phase_changed event in the same transaction. Refusals are conflict:phase with the reason.
 */
export function advancePhase({
  studyId,
  actorId,
  to,
  reason,
  confirmed = false,
}: {
  studyId: string;
  actorId: string;
  to: StudyStatus;
  /** Required when moving back. */
  reason?: string;
  /** The organizer saw what the change ends and overrides (getPhaseChangeImpact) and agreed. */
  confirmed?: boolean;
}): { from: StudyStatus; to: StudyStatus } {
  if (!STUDY_STATUSES.includes(to)) {
    throw new AppError("invalid:phase", `Unknown phase "${String(to)}"; the phases are ${phaseNames}.`);
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudy(tx, studyId);
        const from = study.status;
        const fromIndex = STUDY_STATUSES.indexOf(from);
        const toIndex = STUDY_STATUSES.indexOf(to);
        const detail: Record<string, unknown> = { from, to };
        if (toIndex === fromIndex) {
          throw new AppError("conflict:phase", `The study is already in the ${to} phase.`);
        } else if (toIndex === fromIndex + 1) {
          const problems = forwardProblems(tx, studyId, to);
          if (problems.length > 0) {
            throw new AppError("conflict:phase", `The study cannot move to ${to}: ${problems.join(" ")}`);
          }
        } else if (toIndex === fromIndex - 1) {
          const why = reason?.trim() ?? "";
          if (why === "") {
            throw new AppError("invalid:phase_reason", `Give a reason for moving the study back to ${to}.`, {
              fieldErrors: { reason: ["Give a reason for moving back."] },
            });
          }
          detail.reason = why.slice(0, 1000);
        } else {
          const options = [STUDY_STATUSES[fromIndex + 1], STUDY_STATUSES[fromIndex - 1]].filter(Boolean);
          throw new AppError(
            "conflict:phase",
            `A study moves one phase at a time: from ${from} it can go to ${options.join(" or back to ")}, not to ${to}.`,
          );
        }
        const impact = getPhaseChangeImpact({ studyId, to }, tx);
        if (needsConfirmation(impact) && !confirmed) {
          throw new AppError(
            "conflict:phase_unconfirmed",
            `Confirm moving to ${to}: ${[...impact.ends, ...impact.overrides].join(" ")}`,
          );
        }
        if (needsConfirmation(impact)) detail.confirmed = impact;
        const set: Partial<typeof studies.$inferInsert> = { status: to, updatedAt: Date.now() };
        // Writing fixes the template: store the default if the organizer never edited it.
        if (to === "writing" && study.ideaTemplate === null) set.ideaTemplate = DEFAULT_IDEA_TEMPLATE;
        // Reviewing fixes the review form's content the same way; edits stay possible until the
        // first review is submitted (see review-setup.ts).
        if (to === "reviewing") lockInReviewForm(tx, studyId);
        const changed = tx
          .update(studies)
          .set(set)
          .where(and(eq(studies.id, studyId), eq(studies.status, from)))
          .run();
        if (changed.changes === 0)
          throw new AppError("conflict:phase", "The phase was changed meanwhile; reload.");
        logEvent(tx, { studyId, actorId, kind: "phase_changed", detail });
        return { from, to };
      },
      { behavior: "immediate" },
    ),
  );
}

// --- consent --------------------------------------------------------------------------------------

const consentErrors = {
  SQLITE_CONSTRAINT_FOREIGNKEY: () => new AppError("not_found:user", "This user does not exist."),
};

/** Records that the user accepted the study's current consent text; a second call keeps the first. */
export function recordConsent({ studyId, userId }: { studyId: string; userId: string }): {
  consentText: string;
  acceptedAt: number;
} {
  return withDbErrors(
    () =>
      getDb().transaction(
        (tx) => {
          const study = loadStudy(tx, studyId);
          tx.insert(consents)
            .values({ studyId, userId, consentText: study.consentText, acceptedAt: Date.now() })
            .onConflictDoNothing()
            .run();
          return tx
            .select({ consentText: consents.consentText, acceptedAt: consents.acceptedAt })
            .from(consents)
            .where(and(eq(consents.studyId, studyId), eq(consents.userId, userId)))
            .get()!;
        },
        { behavior: "immediate" },
      ),
    { map: consentErrors },
  );
}

export function hasConsented({ studyId, userId }: { studyId: string; userId: string }): boolean {
  return withDbErrors(
    () =>
      getDb()
        .select({ id: consents.id })
        .from(consents)
        .where(and(eq(consents.studyId, studyId), eq(consents.userId, userId)))
        .get() !== undefined,
  );
}

/** True while the study has consent text and the user has not accepted it yet. */
export function consentPending({ studyId, userId }: { studyId: string; userId: string }): boolean {
  return withDbErrors(() => {
    const row = getDb()
      .select({ consentText: studies.consentText, consentId: consents.id })
      .from(studies)
      .leftJoin(consents, and(eq(consents.studyId, studies.id), eq(consents.userId, userId)))
      .where(eq(studies.id, studyId))
      .get();
    return row !== undefined && row.consentText.trim() !== "" && row.consentId === null;
  });
}
