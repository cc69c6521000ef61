// The demo studies `npm run demo` seeds, built through the same queries the app uses, so every page
// of the finished study has something to show: three topics, Human and AI ideas written and imported,
// normalized and accepted, reviewed by six reviewers, judged by people and the (synthetic) LLM judge,
// with results and leaderboard published; and a second study still in the writing phase.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { submitArenaVote } from "@/db/queries/arena-judging";
import { saveLlmJudgment } from "@/db/queries/arena-llm";
import { listArenaPairIds } from "@/db/queries/arena-pairs-list";
import { publishArenaSnapshot } from "@/db/queries/arena-results";
import { scheduleArenaPairs } from "@/db/queries/arena-schedule";
import { publishAssignments } from "@/db/queries/assignments-edits";
import { runAssignment } from "@/db/queries/assignments-run";
import {
  createDraftIdea,
  reviewNormalization,
  saveNormalizationResult,
  submitIdea,
} from "@/db/queries/ideas";
import { publishResults } from "@/db/queries/results";
import { submitReview } from "@/db/queries/review-save";
import { saveReviewerProfile } from "@/db/queries/reviewers";
import { listMyAssignments } from "@/db/queries/reviews-reviewer";
import { createStudy } from "@/db/queries/studies";
import { advancePhase, updateStudyDetails } from "@/db/queries/study-setup";
import { replaceTopics } from "@/db/queries/study-topics-conditions";
import { conditions, ideas } from "@/db/schema";
import { generateIdeaCode } from "@/lib/ideas/codes";
import { DEFAULT_REVIEW_FORM } from "@/lib/reviews/form";
import { DEMO_TOPICS, demoRationale, normalizedIdea, originalIdea } from "./demo-text";

export const DEMO_STUDY_TITLE = "[DEMO] Can LLMs generate novel research ideas? (pilot)";
export const DEMO_WRITING_TITLE = "[DEMO] Idea writing in progress";
const LABEL = "DEMO DATA — created by `npm run demo` so you can look around. It is not real research.";

export type DemoPeople = {
  organizerId: string;
  writerIds: string[];
  reviewerIds: string[];
  judgeIds: string[];
};

/** A deterministic score 1–10 for reviewer r and idea k: AI ideas a little more novel, less feasible. */
function score(metric: string, ai: boolean, r: number, k: number): number {
  const base = 5 + ((r * 3 + k * 7) % 4) - 1;
  const shift = metric === "novelty" ? (ai ? 1 : 0) : metric === "feasibility" ? (ai ? -1 : 1) : 0;
  return Math.min(10, Math.max(1, base + shift));
}

/** The finished study; returns its id. Expects the people to be members already (see demo.ts). */
export function seedFinishedDemoStudy(studyId: string, people: DemoPeople): void {
  const actorId = people.organizerId;
  const topics = replaceTopics({
    studyId,
    actorId,
    items: DEMO_TOPICS.map((t) => ({ name: t.name, description: t.description })),
  });
  advancePhase({ studyId, actorId, to: "writing" });
  const db = getDb();
  const conds = db.select().from(conditions).where(eq(conditions.studyId, studyId)).all();
  const aiCondition = conds.find((c) => c.key === "AI")!;
  const used = new Set<string>();

  DEMO_TOPICS.forEach((topic, t) => {
    topic.ideas.forEach((title, k) => {
      if (k % 2 === 0) {
        // Human: written by a writer through the editor's queries.
        const authorId = people.writerIds[(t + k / 2) % people.writerIds.length]!;
        const draft = createDraftIdea({ studyId, authorId, topicId: topics[t]!.id });
        submitIdea({
          studyId,
          ideaId: draft.id,
          authorId,
          expectedVersion: draft.version,
          fields: originalIdea(topic, title, k, "human"),
          attested: false,
        });
      } else {
        // AI: as an import would store it (the import has its own tests and file format).
        let code = generateIdeaCode();
        while (used.has(code)) code = generateIdeaCode();
        used.add(code);
        db.insert(ideas)
          .values({
            studyId,
            code,
            topicId: topics[t]!.id,
            conditionId: aiCondition.id,
            authorId: null,
            provenance: "imported",
            status: "submitted",
            fields: originalIdea(topic, title, k, "ai"),
            submittedAt: Date.now(),
            externalId: `demo-agent-${t + 1}-${k + 1}`,
          })
          .run();
      }
    });
  });

  // Normalization: each rewrite stored as the job would, then accepted by the organizer.
  advancePhase({ studyId, actorId, to: "normalization", confirmed: true });
  const all = db
    .select({ id: ideas.id, fields: ideas.fields })
    .from(ideas)
    .where(eq(ideas.studyId, studyId))
    .all();
  for (const idea of all) {
    const topic = DEMO_TOPICS.find((t) => t.ideas.includes(idea.fields.title ?? ""))!;
    const k = topic.ideas.indexOf(idea.fields.title ?? "");
    saveNormalizationResult({
      ideaId: idea.id,
      normalizedFields: normalizedIdea(topic, idea.fields.title ?? "", k),
    });
    reviewNormalization({ studyId, ideaId: idea.id, decision: "accept", actorId });
  }

  // Reviewing: six reviewers sign up, the engine assigns, every review is submitted.
  advancePhase({ studyId, actorId, to: "reviewing", confirmed: true });
  people.reviewerIds.forEach((userId, r) => {
    saveReviewerProfile({
      studyId,
      userId,
      input: {
        topicIds: [topics[r % 3]!.id, topics[(r + 1) % 3]!.id],
        minLoad: 4,
        maxLoad: 7,
        institution: r % 2 === 0 ? "Demo University" : "Example Institute",
      },
    });
  });
  runAssignment({ studyId, actorId, params: { reviewsPerIdea: { min: 1, max: 2 }, seed: 7 }, mode: "full" });
  publishAssignments({ studyId, actorId });
  const aiIds = new Set(
    db
      .select({ id: ideas.id })
      .from(ideas)
      .where(eq(ideas.conditionId, aiCondition.id))
      .all()
      .map((i) => i.id),
  );
  const codeOf = new Map(
    db
      .select({ id: ideas.id, code: ideas.code })
      .from(ideas)
      .where(eq(ideas.studyId, studyId))
      .all()
      .map((i) => [i.id, i.code]),
  );
  people.reviewerIds.forEach((userId, r) => {
    listMyAssignments({ studyId, userId }).forEach((a, k) => {
      const ideaId = allIdeaIdForCode(codeOf, a.code);
      const ai = aiIds.has(ideaId);
      const metrics = DEFAULT_REVIEW_FORM.metrics.map((m) => m.key);
      const scores = Object.fromEntries(metrics.map((m) => [m, score(m, ai, r, k)]));
      submitReview({
        studyId,
        assignmentId: a.assignmentId,
        userId,
        version: 0,
        activeSeconds: 300 + ((r * 37 + k * 11) % 400),
        answers: {
          scores,
          rationales: Object.fromEntries(metrics.map((m) => [m, demoRationale(m, scores[m]!, a.code)])),
          confidence: 3 + (k % 3),
          familiarity: 2 + (r % 4),
          minutes: 15 + ((r + k) % 20),
          attested: false,
        },
      });
    });
  });

  // Arena: round-robin pairs within each topic; both judges vote on every pair; the LLM judge
  // (synthetic verdicts, clearly labelled as a demo model) judges each pair in both orders.
  advancePhase({ studyId, actorId, to: "arena" });
  scheduleArenaPairs({ studyId, actorId });
  const criteria = ["novelty", "significance", "clarity", "feasibility", "effectiveness"];
  const pairs = listArenaPairIds({ studyId });
  pairs.forEach((pair, p) => {
    people.judgeIds.forEach((userId, j) => {
      // The first judge leaves every third pair, so the judge board still has pairs to show.
      if (j === 0 && p % 3 === 2) return;
      const verdicts = Object.fromEntries(
        criteria.map((c, i) => [c, (p + j + i) % 5 === 0 ? "tie" : (p + i + j) % 2 === 0 ? "a" : "b"]),
      );
      submitArenaVote({ studyId, userId, pairId: pair.id, verdicts });
    });
    for (const [left, right] of [
      [pair.ideaAId, pair.ideaBId],
      [pair.ideaBId, pair.ideaAId],
    ] as const) {
      const leftAi = aiIds.has(left);
      saveLlmJudgment({
        studyId,
        pairId: pair.id,
        model: "demo-judge (synthetic)",
        leftIdeaId: left,
        rightIdeaId: right,
        verdicts: Object.fromEntries(
          criteria.map((c) => [
            c,
            c === "novelty" ? (leftAi ? "a" : "b") : c === "feasibility" ? (leftAi ? "b" : "a") : "tie",
          ]),
        ),
        reasoning: "Synthetic demo verdict: no model was called.",
      });
    }
  });

  publishResults({ studyId, actorId, params: {} });
  publishArenaSnapshot({ studyId, actorId });
}

function allIdeaIdForCode(codeOf: Map<string, string>, code: string): string {
  for (const [id, c] of codeOf) if (c === code) return id;
  throw new Error(`demo: no idea ${code}`);
}

/** A second study, still in writing: one submitted idea and one draft, so writers see both states. */
export function seedWritingDemoStudy(studyId: string, people: DemoPeople): void {
  const actorId = people.organizerId;
  const topic = DEMO_TOPICS[0]!;
  const [first] = replaceTopics({
    studyId,
    actorId,
    items: [{ name: topic.name, description: topic.description }],
  });
  advancePhase({ studyId, actorId, to: "writing" });
  const authorId = people.writerIds[0]!;
  const submitted = createDraftIdea({ studyId, authorId, topicId: first!.id });
  submitIdea({
    studyId,
    ideaId: submitted.id,
    authorId,
    expectedVersion: submitted.version,
    fields: originalIdea(topic, topic.ideas[0]!, 0, "human"),
    attested: false,
  });
  createDraftIdea({
    studyId,
    authorId,
    topicId: first!.id,
    fields: { title: topic.ideas[2]!, problem: "Still thinking about how to state this." },
  });
}

/** Creates both demo studies (labelled) and fills them; returns their ids. */
export function createDemoStudies(people: DemoPeople, addMembers: (studyId: string) => void) {
  const make = (title: string) => {
    const study = createStudy({ title, description: LABEL, createdBy: people.organizerId, isDemo: true });
    addMembers(study.id);
    updateStudyDetails({
      studyId: study.id,
      actorId: people.organizerId,
      title,
      description: LABEL,
      instructions: "This is a demo study. Look around every tab; nothing here is real research.",
      consentText: "",
      attestationText: "",
    });
    return study.id;
  };
  const finished = make(DEMO_STUDY_TITLE);
  seedFinishedDemoStudy(finished, people);
  const writing = make(DEMO_WRITING_TITLE);
  seedWritingDemoStudy(writing, people);
  return { finished, writing };
}
