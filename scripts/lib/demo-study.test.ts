import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listArenaSnapshots } from "@/db/queries/arena-results";
import { commitIdeaImport } from "@/db/queries/ideas";
import { listResultSnapshots } from "@/db/queries/results";
import { addStudyRoles, createStudy } from "@/db/queries/studies";
import { getStudySettings } from "@/db/queries/study-setup";
import { arenaVotes, ideas, reviews, studies, topics } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeUser } from "@/db/testing/fixtures";
import { parseIdeaImport } from "@/lib/ideas/import";
import { createDemoStudies, DEMO_STUDY_TITLE, DEMO_WRITING_TITLE, seedWritingDemoStudy } from "./demo-study";

beforeEach(() => {
  resetTestDb();
});

describe("the demo studies", () => {
  it("seed a finished study with every stage populated and a second one in writing", () => {
    const organizer = makeUser({ name: "Demo Organizer" });
    const people = {
      organizerId: organizer.id,
      writerIds: [makeUser().id, makeUser().id],
      reviewerIds: Array.from({ length: 6 }, () => makeUser().id),
      judgeIds: [makeUser().id, makeUser().id],
    };
    const { finished, writing } = createDemoStudies(people, (studyId) => {
      addStudyRoles({ studyId, userId: organizer.id, roles: ["organizer"] });
      for (const id of people.writerIds) addStudyRoles({ studyId, userId: id, roles: ["writer"] });
      for (const id of people.reviewerIds) addStudyRoles({ studyId, userId: id, roles: ["reviewer"] });
      for (const id of people.judgeIds) addStudyRoles({ studyId, userId: id, roles: ["judge"] });
    });
    const db = getDb();
    const study = (id: string) => db.select().from(studies).where(eq(studies.id, id)).get()!;
    expect(study(finished)).toMatchObject({ title: DEMO_STUDY_TITLE, status: "arena", isDemo: true });
    expect(study(writing)).toMatchObject({ title: DEMO_WRITING_TITLE, status: "writing", isDemo: true });
    expect(db.select().from(topics).where(eq(topics.studyId, finished)).all()).toHaveLength(3);

    const seeded = db
      .select({ provenance: ideas.provenance })
      .from(ideas)
      .where(
        and(eq(ideas.studyId, finished), eq(ideas.status, "submitted"), isNotNull(ideas.reviewTextSource)),
      )
      .all();
    expect(seeded).toHaveLength(24);
    expect(seeded.filter((i) => i.provenance === "written")).toHaveLength(12);

    const submitted = db
      .select({ reviewerId: reviews.reviewerId })
      .from(reviews)
      .where(and(eq(reviews.studyId, finished), eq(reviews.status, "submitted")))
      .all();
    expect(new Set(submitted.map((r) => r.reviewerId)).size).toBe(6);
    expect(submitted.length).toBeGreaterThanOrEqual(24);

    const votes = db
      .select({ kind: arenaVotes.judgeKind })
      .from(arenaVotes)
      .where(eq(arenaVotes.studyId, finished))
      .all();
    expect(votes.some((v) => v.kind === "human")).toBe(true);
    expect(votes.some((v) => v.kind === "llm")).toBe(true);
    expect(listResultSnapshots({ studyId: finished })).toHaveLength(1);
    expect(listArenaSnapshots({ studyId: finished })).toHaveLength(1);

    const draftsAndSubmitted = db
      .select({ status: ideas.status })
      .from(ideas)
      .where(eq(ideas.studyId, writing))
      .all();
    expect(draftsAndSubmitted.map((i) => i.status).sort()).toEqual(["draft", "submitted"]);
  });
});

describe("the README's sample import file", () => {
  it("imports into the demo study in writing as it is", () => {
    const organizer = makeUser({ name: "Demo Organizer" });
    const people = { organizerId: organizer.id, writerIds: [makeUser().id], reviewerIds: [], judgeIds: [] };
    const study = createStudy({
      title: DEMO_WRITING_TITLE,
      description: "",
      createdBy: organizer.id,
      isDemo: true,
    });
    addStudyRoles({ studyId: study.id, userId: people.writerIds[0]!, roles: ["writer"] });
    seedWritingDemoStudy(study.id, people);
    const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
    const block = /<!-- sample-import:start -->\n```jsonl\n([\s\S]*?)```\n<!-- sample-import:end -->/.exec(
      readme,
    );
    expect(block).not.toBeNull();
    const { template, topics: studyTopics, conditions } = getStudySettings({ studyId: study.id });
    const parsed = parseIdeaImport({
      fileName: "sample.jsonl",
      content: block![1]!,
      template,
      topics: studyTopics,
      conditions,
      existingExternalIds: [],
    });
    expect(parsed.errors).toEqual([]);
    const result = commitIdeaImport({
      studyId: study.id,
      importerId: organizer.id,
      fileName: "sample.jsonl",
      format: "jsonl",
      rows: parsed.rows,
    });
    expect(result.imported).toBe(2);
  });
});
