import { formatUtcDate as day, plural } from "@/lib/format";
import type { PhaseDates, StudyStatus } from "./types";

// What a phase change does to other people's work. Writing, reviewing and the arena are three
// activities; each is open in some phases. Reviewing stays open through the arena phase (reviewers
// and judges are different people's work), so only closing the study, or going back before
// reviewing, ends it. The organizer is shown what ends and which planned dates the change overrides
// before it happens, and the server refuses an unconfirmed change that ends or overrides anything.

export type Activity = "writing" | "reviewing" | "arena";

const OPEN_IN: Record<Activity, readonly StudyStatus[]> = {
  writing: ["writing"],
  reviewing: ["reviewing", "arena"],
  arena: ["arena"],
};

export function isActivityOpen(activity: Activity, status: StudyStatus): boolean {
  return OPEN_IN[activity].includes(status);
}

/** Reviewers may save and submit reviews (and sign up) in these phases. */
export const isReviewingOpen = (status: StudyStatus) => isActivityOpen("reviewing", status);

/** Unfinished work per activity, as counted when the change is asked for. */
export type OpenWork = {
  /** Ideas saved as drafts and never submitted. */
  draftIdeas: number;
  /** Published assignments whose review was never started. */
  reviewsNotStarted: number;
  /** Published assignments with a draft review. */
  reviewDrafts: number;
  /** Scheduled arena pairs without a human vote. */
  unjudgedPairs: number;
};

export type PhaseChangeImpact = {
  /** One line per kind of open work the change ends, e.g. "2 draft reviews will be closed". */
  ends: string[];
  /** One line per planned date the change comes before, e.g. "reviewing was planned to close on …". */
  overrides: string[];
};

function endedWork(activity: Activity, work: OpenWork): string[] {
  const lines: string[] = [];
  if (activity === "writing" && work.draftIdeas > 0)
    lines.push(`${plural(work.draftIdeas, "draft idea")} that writers never submitted will not be reviewed.`);
  if (activity === "reviewing") {
    if (work.reviewDrafts > 0)
      lines.push(`${plural(work.reviewDrafts, "draft review")} can no longer be submitted.`);
    if (work.reviewsNotStarted > 0)
      lines.push(
        `${plural(work.reviewsNotStarted, "assigned review")} not yet started will never be written.`,
      );
  }
  if (activity === "arena" && work.unjudgedPairs > 0)
    lines.push(`${plural(work.unjudgedPairs, "arena pair")} without a human vote can no longer be judged.`);
  return lines;
}

/** What moving from `from` to `to` ends and which planned dates (later than `now`) it overrides. */
export function describePhaseChange({
  from,
  to,
  work,
  dates,
  now,
}: {
  from: StudyStatus;
  to: StudyStatus;
  work: OpenWork;
  dates: PhaseDates;
  now: number;
}): PhaseChangeImpact {
  const ends: string[] = [];
  const overrides: string[] = [];
  for (const activity of Object.keys(OPEN_IN) as Activity[]) {
    const wasOpen = isActivityOpen(activity, from);
    const willBeOpen = isActivityOpen(activity, to);
    if (wasOpen && !willBeOpen) {
      ends.push(...endedWork(activity, work));
      const closesAt = dates[activity]?.closesAt;
      if (closesAt != null && closesAt > now)
        overrides.push(`${activity} was planned to close on ${day(closesAt)}; it closes now.`);
    }
    if (!wasOpen && willBeOpen) {
      const opensAt = dates[activity]?.opensAt;
      if (opensAt != null && opensAt > now)
        overrides.push(`${activity} was planned to open on ${day(opensAt)}; it opens now.`);
    }
  }
  // Phases without an activity of their own (normalization, closed) have dates too.
  if (from !== to && !(from in OPEN_IN)) {
    const closesAt = dates[from]?.closesAt;
    if (closesAt != null && closesAt > now)
      overrides.push(`${from} was planned to close on ${day(closesAt)}; it closes now.`);
  }
  return { ends, overrides };
}

export const needsConfirmation = (impact: PhaseChangeImpact) =>
  impact.ends.length > 0 || impact.overrides.length > 0;
