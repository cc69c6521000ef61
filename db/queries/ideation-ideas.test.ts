import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { conditions, ideas, users } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeIdeationStudy } from "@/db/testing/ideation-fixtures";
import { fullFields } from "@/db/testing/review-fixtures";
import { at } from "@/lib/assert";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { ensureAgentUser, ensureCondition, getIdeaProvenance, writeGeneratedIdeas } from "./ideation-ideas";
import { createIdeationRun } from "./ideation-runs";

beforeEach(() => resetTestDb());

function setup() {
  const s = makeIdeationStudy();
  const topic = at(s.topics, 0);
  const run = createIdeationRun({
    studyId: s.study.id,
    createdBy: s.organizer.id,
    agents: [{ agent: "coi", conditionKey: "CoI", conditionId: null, params: {} }],
    topics: [{ topicId: topic.id, n: 1 }],
    topicMode: "chosen",
    model: "mock",
    budgetUsd: 1,
    seed: 1,
    keep: "best",
  });
  const condition = ensureCondition({ studyId: s.study.id, key: "CoI", label: "CoI" });
  const write = (fields: Record<string, string>, candidate = "c1") =>
    writeGeneratedIdeas({
      studyId: s.study.id,
      runId: run.id,
      jobId: "job-1",
      agentIndex: 0,
      agent: "coi",
      agentUserId: ensureAgentUser({ agent: "coi", label: "Chain-of-Ideas" }),
      conditionId: condition.id,
      topicId: topic.id,
      model: "mock",
      params: { k: 3 },
      ideas: [{ candidate, fields, noveltyStatus: "unresolved", provenance: { chain: { anchorId: "p" } } }],
    });
  return { ...s, run, condition, write };
}

describe("generated ideas", () => {
  it("are written once per candidate, submitted, with their provenance for organizers", () => {
    const s = setup();
    expect(s.condition.created).toBe(true);
    expect(ensureCondition({ studyId: s.study.id, key: "coi", label: "x" })).toEqual({
      id: s.condition.id,
      created: false,
    });
    const first = s.write(fullFields("one") as Record<string, string>);
    const again = s.write(fullFields("one") as Record<string, string>);
    expect(first.written).toBe(1);
    expect(again).toEqual({ written: 0, ideaIds: first.ideaIds });
    const row = getDb()
      .select()
      .from(ideas)
      .where(eq(ideas.id, at(first.ideaIds, 0)))
      .get();
    expect(row).toMatchObject({
      status: "submitted",
      provenance: "generated",
      conditionId: s.condition.id,
      jobId: "job-1",
    });
    expect(getIdeaProvenance({ studyId: s.study.id, ideaId: row?.id ?? "" })).toMatchObject({
      runId: s.run.id,
      candidate: "c1",
      noveltyStatus: "unresolved",
      provenance: { chain: { anchorId: "p" } },
    });
    // Another study's id finds nothing.
    expect(getIdeaProvenance({ studyId: crypto.randomUUID(), ideaId: row?.id ?? "" })).toBeNull();
    expect(getDb().select().from(conditions).where(eq(conditions.key, "CoI")).all()).toHaveLength(1);
  });

  it("refuse fields the template rejects, naming the field, and write nothing", () => {
    const s = setup();
    const bad = { ...(fullFields("two") as Record<string, string>), title: "" };
    const error = (() => {
      try {
        s.write(bad, "c2");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(Object.keys((error as AppError).fieldErrors ?? {})).toContain("title");
    expect(getDb().select().from(ideas).where(eq(ideas.studyId, s.study.id)).all()).toHaveLength(0);
  });

  it("the agent's account is made once and cannot sign in: no password matches and it is disabled", async () => {
    const id = ensureAgentUser({ agent: "coi", label: "Chain-of-Ideas" });
    expect(ensureAgentUser({ agent: "coi", label: "Chain-of-Ideas" })).toBe(id);
    const user = getDb().select().from(users).where(eq(users.id, id)).get();
    expect(user?.name).toBe("Chain-of-Ideas agent");
    expect(user?.disabledAt).not.toBeNull();
    for (const guess of ["", "password", user?.passwordHash ?? ""])
      expect(await verifyPassword(guess, user?.passwordHash ?? "")).toBe(false);
  });
});
