import { createDraftIdea, saveIdeaDraft, submitIdea } from "@/db/queries/ideas";
import { createJob, requestJobCancel } from "@/db/queries/jobs";
import { addStudyRoles, createStudy } from "@/db/queries/studies";
import { advancePhase, recordConsent, replaceTopics } from "@/db/queries/study-setup";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import type { SeededUser } from "../seed-data";
import { seedUser } from "./people";

// A study in the writing phase, owned by its own organizer, with one submitted idea that has a
// history (a first draft, then the submitted text) and a finished background job, for the
// restore, bulk-invitation, archive and delete tests.

const text = (label: string) =>
  Object.fromEntries(DEFAULT_IDEA_TEMPLATE.map((f) => [f.key, `${f.label}: ${label}.`])) as Record<
    string,
    string
  >;

export type SeededWritingStudy = {
  studyId: string;
  title: string;
  ideaId: string;
  code: string;
  organizer: SeededUser;
  writer: SeededUser;
  /** Idea versions: the first draft's and the submitted text's numbers. */
  draftVersion: number;
  submittedVersion: number;
};

export function seedWritingStudy({ title }: { title: string }): SeededWritingStudy {
  const tag = crypto.randomUUID().slice(0, 6);
  const organizer = seedUser({ name: `Owner ${tag}`, email: `owner-${tag}@e2e.example.org` });
  const writer = seedUser({ name: `Writer ${tag}`, email: `writer-${tag}@e2e.example.org` });
  const study = createStudy({ title, description: "", createdBy: organizer.id });
  const [topic] = replaceTopics({ studyId: study.id, actorId: organizer.id, items: [{ name: "Graphs" }] });
  advancePhase({ studyId: study.id, actorId: organizer.id, to: "writing" });
  addStudyRoles({ studyId: study.id, userId: writer.id, roles: ["writer"] });
  recordConsent({ studyId: study.id, userId: writer.id });
  const idea = createDraftIdea({ studyId: study.id, authorId: writer.id, topicId: topic!.id });
  const args = { studyId: study.id, ideaId: idea.id, authorId: writer.id };
  const draft = saveIdeaDraft({ ...args, expectedVersion: idea.version, fields: text("First draft") });
  if (!draft.ok) throw new Error("the seeded draft conflicted");
  const submitted = submitIdea({
    ...args,
    expectedVersion: draft.version,
    fields: text("Submitted text"),
    attested: false,
  });
  if (!submitted.ok) throw new Error("the seeded submission conflicted");
  const job = createJob({ kind: "test", studyId: study.id, items: [{ prompt: "seeded" }] });
  requestJobCancel({ jobId: job.id });
  return {
    studyId: study.id,
    title,
    ideaId: idea.id,
    code: idea.code,
    organizer,
    writer,
    draftVersion: draft.version,
    submittedVersion: submitted.version,
  };
}
