import { isActivityOpen } from "@/lib/studies/phase-change";
import type { PhaseDates, StudyRole, StudyStatus } from "@/lib/studies/types";

export type NextStep = { role: StudyRole; text: string; href?: string };

const PHASE_FOR_ROLE: Record<Exclude<StudyRole, "organizer">, StudyStatus> = {
  writer: "writing",
  reviewer: "reviewing",
  judge: "arena",
};

const ORGANIZER_PAGES: Record<StudyStatus, string> = {
  setup: "settings",
  writing: "manage/ideas",
  normalization: "manage/normalization",
  reviewing: "manage/reviews",
  arena: "manage/arena",
  closed: "results",
};

const ORGANIZER_STEPS: Record<StudyStatus, string> = {
  setup: "Set up the study and invite writers, reviewers and judges.",
  writing: "Writers are submitting ideas; import AI ideas and watch submissions.",
  normalization: "Check the style-normalized ideas against their originals.",
  reviewing: "Reviews are under way; watch progress and remind late reviewers.",
  arena: "The Idea Arena is open; watch judging progress.",
  closed: "The study is closed; read the results and export the data.",
};

/** What each of the user's roles should do next in a study, in plain words for the dashboard. */
export function getNextSteps({
  studyId,
  status,
  roles,
  dates = {},
}: {
  studyId: string;
  status: StudyStatus;
  roles: StudyRole[];
  /** Planned phase dates: writers and reviewers are told their deadline. */
  dates?: PhaseDates;
}): NextStep[] {
  const due = (phase: StudyStatus) => {
    const closesAt = dates[phase]?.closesAt;
    return closesAt ? ` Due ${new Date(closesAt).toISOString().slice(0, 10)} (UTC).` : "";
  };
  return roles.map((role) => {
    if (role === "organizer") {
      return { role, text: ORGANIZER_STEPS[status], href: `/studies/${studyId}/${ORGANIZER_PAGES[status]}` };
    }
    const phase = PHASE_FOR_ROLE[role];
    // Reviewing stays open while the arena runs (see phase-change.ts).
    if (status === phase || (role === "reviewer" && isActivityOpen("reviewing", status))) {
      const verb = {
        writer: "Write and submit your ideas.",
        reviewer: "Review the ideas assigned to you.",
        judge: "Compare idea pairs in the arena.",
      }[role];
      return {
        role,
        text: `${verb}${due(phase)}`,
        href:
          role === "writer"
            ? `/studies/${studyId}/ideas`
            : role === "reviewer"
              ? `/studies/${studyId}/review`
              : `/studies/${studyId}/arena`,
      };
    }
    if (status === "closed") return { role, text: "The study is closed. Thank you for taking part." };
    // Reviewers sign up (topics, load) before reviewing starts, so assignment can use it.
    if (role === "reviewer" && (status === "writing" || status === "normalization")) {
      return {
        role,
        text: "Choose your topics and how many ideas you can review, so you can be assigned ideas.",
        href: `/studies/${studyId}/review`,
      };
    }
    const order = ["setup", "writing", "normalization", "reviewing", "arena", "closed"];
    return order.indexOf(status) < order.indexOf(phase)
      ? { role, text: `Nothing to do yet: your part starts in the ${phase} phase.` }
      : { role, text: `The ${phase} phase is over; nothing more to do as ${role}.` };
  });
}
