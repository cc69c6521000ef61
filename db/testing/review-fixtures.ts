import { getDb } from "@/db/client";
import { publishAssignments } from "@/db/queries/assignments-edits";
import { runAssignment } from "@/db/queries/assignments-run";
import { saveReviewerProfile } from "@/db/queries/reviewers";
import { addStudyRoles } from "@/db/queries/studies";
import { advancePhase, getStudySettings } from "@/db/queries/study-setup";
import { replaceTopics } from "@/db/queries/study-topics-conditions";
import { ideas } from "@/db/schema";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import type { ReviewAnswers } from "@/lib/reviews/answers";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { makeStudy, makeUser } from "./fixtures";

// A study ready for reviewing, built fast for unit tests: two topics, Human and AI conditions,
// submitted ideas with their review text decided, and reviewer members (no sign-up yet).

/** A rationale that meets the default form's minimum length. */
export const REVIEW_RATIONALE =
  "A rationale long enough for the form: it names the closest work and what differs from it, clearly and precisely.";

/** Answers to the default review form that a submit accepts, every metric scored `score`. */
export const completeReviewAnswers = (score = 6): ReviewAnswers => ({
  scores: Object.fromEntries(DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, score])),
  rationales: Object.fromEntries(DEFAULT_REVIEW_FORM.metrics.map((m) => [m.key, REVIEW_RATIONALE])),
  confidence: 3,
  familiarity: 4,
  minutes: 25,
  attested: false,
});

export const fullFields = (label: string) =>
  Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `${f.label}: ${label}.`])) as Record<
    string,
    string
  >;

export function makeReviewStudy({ ideasPerCell = 2, reviewerCount = 3 } = {}) {
  const organizer = makeUser({ name: "Olga Organizer" });
  const study = makeStudy({ organizer });
  const [graphs, prompting] = replaceTopics({
    studyId: study.id,
    actorId: organizer.id,
    items: [{ name: "Graphs" }, { name: "Prompting" }],
  });
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  const { conditions } = getStudySettings({ studyId: study.id });
  const [human, ai] = conditions as [(typeof conditions)[number], (typeof conditions)[number]];
  const writer = makeUser({ name: "Wanda Writer" });
  const db = getDb();
  const ideaRows: { id: string; code: string; topicId: string; conditionKey: string }[] = [];
  let n = 0;
  for (const topic of [graphs, prompting]) {
    for (const condition of [human, ai]) {
      for (let i = 0; i < ideasPerCell; i++) {
        n += 1;
        const code = `T${String(n).padStart(3, "0")}X`;
        const row = db
          .insert(ideas)
          .values({
            studyId: study.id,
            code,
            topicId: topic!.id,
            conditionId: condition.id,
            authorId: condition.key === "Human" ? writer.id : null,
            provenance: condition.key === "Human" ? "written" : "imported",
            status: "submitted",
            fields: fullFields(`idea ${n}`),
            submittedAt: Date.now(),
            reviewTextSource: "original",
          })
          .returning({ id: ideas.id })
          .get();
        ideaRows.push({ id: row.id, code, topicId: topic!.id, conditionKey: condition.key });
      }
    }
  }
  const reviewers = Array.from({ length: reviewerCount }, (_, i) => {
    const user = makeUser({ name: `Reviewer ${i + 1}` });
    addStudyRoles({ studyId: study.id, userId: user.id, roles: ["reviewer"] });
    return user;
  });
  return {
    organizer,
    study,
    graphs: graphs!,
    prompting: prompting!,
    human,
    ai,
    writer,
    ideas: ideaRows,
    reviewers,
  };
}

/** Moves a study from writing to reviewing (its ideas already have their review text decided). */
export function startReviewing(studyId: string, actorId: string) {
  advancePhase({ studyId, actorId, to: "normalization" });
  advancePhase({ studyId, actorId, to: "reviewing" });
}

/**
 * Signs every reviewer up for both topics (load 2–7), runs and publishes the assignment with the
 * given reviews per idea, and opens the review phase.
 */
export function publishAndStartReviewing(
  s: ReturnType<typeof makeReviewStudy>,
  reviewsPerIdea: { min: number; max: number },
) {
  for (const r of s.reviewers) {
    saveReviewerProfile({
      studyId: s.study.id,
      userId: r.id,
      input: { topicIds: [s.graphs.id, s.prompting.id], minLoad: 2, maxLoad: 7, institution: "" },
    });
  }
  runAssignment({
    studyId: s.study.id,
    actorId: s.organizer.id,
    params: { reviewsPerIdea, seed: 1 },
    mode: "full",
  });
  publishAssignments({ studyId: s.study.id, actorId: s.organizer.id });
  startReviewing(s.study.id, s.organizer.id);
}
