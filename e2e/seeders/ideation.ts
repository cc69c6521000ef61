import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reviewNormalization } from "@/db/queries/ideas-normalization";
import { addStudyRoles, createStudy } from "@/db/queries/studies";
import { advancePhase } from "@/db/queries/study-phases";
import { replaceTopics } from "@/db/queries/study-topics-conditions";
import { getUserByEmail } from "@/db/queries/users";
import { assignments, generatedIdeas, ideas } from "@/db/schema";
import { ADMIN, type SeededUser } from "../seed-data";
import { seedUser } from "./people";

// The ideation e2e story: a study in writing with two topics (the admin organizes it), and afterwards
// the study moved on to reviewing with every idea assigned to a new reviewer, for the blindness crawl.
// Each call of the mock model waits MOCK_SLOW_MS (the topic description is in every CoI prompt), so
// the run is still going when the organizer cancels it.

function adminId(): string {
  const admin = getUserByEmail({ email: ADMIN.email });
  if (!admin) throw new Error(`${ADMIN.email} does not exist yet: first-run.spec.ts creates it.`);
  return admin.id;
}

export function seedIdeationStudy({ title, slowMs }: { title: string; slowMs: number }) {
  const actorId = adminId();
  const study = createStudy({ title, description: "", createdBy: actorId });
  const topics = replaceTopics({
    studyId: study.id,
    actorId,
    items: [
      {
        name: "Machine translation",
        description: `Translating text between languages. MOCK_SLOW_MS=${slowMs}`,
      },
      { name: "Dependency parsing", description: `Syntactic analysis of sentences. MOCK_SLOW_MS=${slowMs}` },
    ],
  });
  advancePhase({ studyId: study.id, actorId, to: "writing" });
  return { studyId: study.id, topics: topics.map((t) => ({ id: t.id, name: t.name })) };
}

/** Shows reviewers every idea's original text, opens reviewing, and assigns them all to a new reviewer. */
export function seedIdeationReview({ studyId }: { studyId: string }): {
  reviewer: SeededUser;
  assignmentIds: string[];
  ideaIds: string[];
  generatedIdeaIds: string[];
  runIds: string[];
  /** Papers of the ideas' chains: provenance a reviewer must never see. */
  chainPaperIds: string[];
} {
  const actorId = adminId();
  const all = getDb()
    .select({ id: ideas.id })
    .from(ideas)
    .where(eq(ideas.studyId, studyId))
    .all()
    .map((r) => r.id);
  for (const ideaId of all) reviewNormalization({ studyId, ideaId, decision: "reject", actorId });
  advancePhase({ studyId, actorId, to: "normalization", confirmed: true });
  advancePhase({ studyId, actorId, to: "reviewing", confirmed: true });
  const tag = crypto.randomUUID().slice(0, 6);
  const reviewer = seedUser({ name: `Reviewer ${tag}`, email: `reviewer-${tag}@e2e.example.org` });
  addStudyRoles({ studyId, userId: reviewer.id, roles: ["reviewer"] });
  const assignmentIds = all.map(
    (ideaId) =>
      getDb()
        .insert(assignments)
        .values({
          studyId,
          ideaId,
          reviewerId: reviewer.id,
          state: "published",
          source: "manual",
          publishedAt: Date.now(),
        })
        .returning({ id: assignments.id })
        .get().id,
  );
  const generated = getDb()
    .select()
    .from(generatedIdeas)
    .all()
    .filter((g) => all.includes(g.ideaId));
  return {
    reviewer,
    assignmentIds,
    ideaIds: all,
    generatedIdeaIds: generated.map((g) => g.ideaId),
    runIds: [...new Set(generated.map((g) => g.runId))],
    chainPaperIds: [
      ...new Set(
        generated.flatMap(
          (g) =>
            (g.provenance.chain as { nodes?: { paperId: string }[] } | undefined)?.nodes?.map(
              (n) => n.paperId,
            ) ?? [],
        ),
      ),
    ],
  };
}
