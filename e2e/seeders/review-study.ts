import { getDb } from "@/db/client";
import { updateReviewSettings } from "@/db/queries/review-setup";
import { saveReviewerProfile } from "@/db/queries/reviewers";
import { addStudyRoles, createStudy } from "@/db/queries/studies";
import { advancePhase } from "@/db/queries/study-phases";
import { getStudySettings } from "@/db/queries/study-settings";
import { replaceConditions, replaceTopics } from "@/db/queries/study-topics-conditions";
import { getUserByEmail } from "@/db/queries/users";
import { ideas } from "@/db/schema";
import { generateIdeaCode } from "@/lib/ideas/codes";
import { DEFAULT_REVIEW_SETTINGS } from "@/lib/studies/types";
import { ADMIN, SECRET, type SeededReviewStudy } from "../seed-data";
import { seedUser } from "./people";

// A study that is ready for reviewing (or, with status "arena", judging), built the way the app
// builds one: the admin creates it, sets topics, conditions and review settings, and moves it through
// the phases with the app's own checks. Only the ideas are inserted directly (typed by the schema),
// already normalized and accepted, since ideas.spec.ts covers writing and normalization.

export function seedReviewStudy({
  title,
  reviewerCount = 3,
  ideasPerCell = 3,
  status = "reviewing",
}: {
  title: string;
  reviewerCount?: number;
  ideasPerCell?: number;
  status?: "writing" | "normalization" | "reviewing" | "arena";
}): SeededReviewStudy {
  const admin = getUserByEmail({ email: ADMIN.email });
  if (!admin) throw new Error(`${ADMIN.email} does not exist yet: first-run.spec.ts creates it.`);
  const tag = crypto.randomUUID().slice(0, 6);
  const actorId = admin.id;
  const study = createStudy({ title, description: "", createdBy: actorId });
  const studyId = study.id;
  const topics = replaceTopics({ studyId, actorId, items: [{ name: "Reasoning" }, { name: "Retrieval" }] });
  const conditions = replaceConditions({
    studyId,
    actorId,
    items: SECRET.conditions.map((c, i) => ({ key: c.key, label: c.label, isBaseline: i === 0 })),
  });
  updateReviewSettings({
    studyId,
    actorId,
    settings: { ...DEFAULT_REVIEW_SETTINGS, attestationText: "", loadMin: 2, loadMax: 10 },
  });
  advancePhase({ studyId, actorId, to: "writing" });

  const author = seedUser({
    name: SECRET.authorName,
    email: `${tag}.${SECRET.authorEmail}`,
    institution: SECRET.institution,
  });
  addStudyRoles({ studyId, userId: author.id, roles: ["writer"] });
  const seeded: SeededReviewStudy["ideas"] = [];
  const now = Date.now();
  for (const topic of topics) {
    for (const condition of conditions) {
      for (let i = 0; i < ideasPerCell; i++) {
        const human = condition.key === SECRET.conditions[0]?.key;
        const text = (kind: "original" | "normalized") => ({
          title: `${topic.name} idea ${i + 1} (${kind})`,
          problem: `A problem in ${topic.name.toLowerCase()} ${kind === "original" ? SECRET.originalMarker : "stated plainly"}.`,
          motivation: "Why it matters.",
          method: "A method.",
          experiment_plan: "1. Do it. 2. Measure it.",
          test_cases: "An example.",
          fallback: "Another way.",
        });
        const code = generateIdeaCode();
        const row = getDb()
          .insert(ideas)
          .values({
            studyId,
            code,
            topicId: topic.id,
            conditionId: condition.id,
            authorId: human ? author.id : null,
            provenance: human ? "written" : "generated",
            status: "submitted",
            fields: text("original"),
            normalizedFields: text("normalized"),
            normalizationState: "done",
            normalizationReview: "accepted",
            reviewTextSource: "normalized",
            submittedAt: now,
          })
          .returning({ id: ideas.id })
          .get();
        seeded.push({ id: row.id, code, condition: condition.key, topic: topic.name });
      }
    }
  }
  // Each phase change is confirmed, as the organizer would after reading what it ends.
  const order = ["normalization", "reviewing", "arena"] as const;
  for (const to of order.slice(0, order.indexOf(status as (typeof order)[number]) + 1)) {
    advancePhase({ studyId, actorId, to, confirmed: true });
  }

  const reviewers = Array.from({ length: reviewerCount }, (_, i) => {
    const user = seedUser({
      name: `Reviewer ${tag} ${i + 1}`,
      email: `reviewer-${tag}-${i + 1}@e2e.example.org`,
    });
    addStudyRoles({ studyId, userId: user.id, roles: ["reviewer"] });
    return user;
  });
  return { studyId, title, ideas: seeded, reviewers, author };
}

/** Signs a reviewer up for every topic with this load range, for reviewers the test does not drive. */
export function seedReviewerProfile({
  studyId,
  userId,
  minLoad,
  maxLoad,
}: {
  studyId: string;
  userId: string;
  minLoad: number;
  maxLoad: number;
}): null {
  const topicIds = getStudySettings({ studyId }).topics.map((t) => t.id);
  saveReviewerProfile({ studyId, userId, input: { topicIds, minLoad, maxLoad, institution: "" } });
  return null;
}
