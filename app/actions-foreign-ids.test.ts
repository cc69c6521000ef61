import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { createChain } from "@/db/queries/chains";
import { createIdeationRun } from "@/db/queries/ideation-runs";
import { insertInvitation } from "@/db/queries/invitations";
import { upsertCorpus } from "@/db/queries/literature/papers";
import { addStudyRoles, removeStudyRoles } from "@/db/queries/studies";
import { recordConsent } from "@/db/queries/study-phases";
import { replaceTopics } from "@/db/queries/study-topics-conditions";
import { arenaPairs, assignments, conditions, ideas, reviewConflicts, studies } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeStudy, makeUser } from "@/db/testing/fixtures";
import { fullFields } from "@/db/testing/review-fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { resetEnvForTests } from "@/lib/env";

// Every server action, found by walking app/ for actions.ts files, is called with the id of an object
// that belongs to another study, under a study where the caller holds every role. Each must refuse
// (not found / invalid, never a phase or input error that would hide a missing check) and write
// nothing. A new action fails this test until it is listed below.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/server/auth/auth", () => ({
  auth: async () => null,
  signIn: async () => {},
  signOut: async () => {},
}));
vi.mock("next-auth", () => ({
  AuthError: class extends Error {},
  CredentialsSignin: class extends Error {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async (orig) => {
  const real = await orig<typeof import("next/navigation")>();
  return {
    ...real,
    redirect: (to: string) => {
      throw Object.assign(new Error(`redirect ${to}`), { redirectTo: to });
    },
    unstable_rethrow: (e: unknown) => {
      if (e && typeof e === "object" && "redirectTo" in e) throw e;
    },
  };
});

type Phase = "writing" | "normalization" | "reviewing" | "arena";
type World = ReturnType<typeof buildWorld>;
type Case =
  | { kind: "none"; why: string }
  | {
      kind: "form" | "call";
      phase: Phase;
      input: (w: World) => Record<string, unknown>;
      /** What the refusal must say: the object was not found in this study. */
      refusal: RegExp;
    };

const notStudyScoped = (why: string): Case => ({ kind: "none", why });
const noObjectId: Case = { kind: "none", why: "takes no object id (study-wide or new content only)" };

const CASES: Record<string, Case> = {
  "(app)/account#changePasswordAction": notStudyScoped("own account only"),
  "(app)/account#updateProfileAction": notStudyScoped("own account only"),
  "(app)#signOutAction": notStudyScoped("own session only"),
  "(app)/admin/invitations#createAdminInvitationAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/invitations#revokeAdminInvitationAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/jobs#startPromptCheckJobAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/llm#testConnectionAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/llm#savePriceAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/llm#deletePriceAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/users#setUserFlagsAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/users#endSessionsAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/users#setDisabledAction": notStudyScoped("instance admins, no study"),
  "(app)/studies#createStudyAction": notStudyScoped("creates a new study"),
  "(auth)/invite/[token]#acceptInvitationAction": notStudyScoped("the token is the object"),
  "(auth)/setup#setupAction": notStudyScoped("first run only"),
  "(auth)/signin#signInAction": notStudyScoped("signed-out"),

  "(app)/studies/[studyId]/ideas#acceptConsentAction": noObjectId,
  "(app)/studies/[studyId]/ideas#createIdeaAction": {
    kind: "form",
    phase: "writing",
    refusal: /invalid:topic/,
    input: (w) => ({ topicId: w.foreign.topicId }),
  },
  "(app)/studies/[studyId]/ideas#saveIdeaAction": {
    kind: "call",
    phase: "writing",
    refusal: /not_found:idea/,
    input: (w) => ({ ideaId: w.foreign.ownIdeaId, expectedVersion: 1, fields: { title: "Hijacked" } }),
  },
  "(app)/studies/[studyId]/ideas#submitIdeaAction": {
    kind: "call",
    phase: "writing",
    refusal: /not_found:idea/,
    input: (w) => ({
      ideaId: w.foreign.ownIdeaId,
      expectedVersion: 1,
      fields: fullFields("hijacked"),
      attested: true,
    }),
  },
  "(app)/studies/[studyId]/ideas/[ideaId]/history#restoreOwnVersionAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:idea/,
    input: (w) => ({ ideaId: w.foreign.ownIdeaId, version: 1, expectedVersion: 1 }),
  },
  "(app)/studies/[studyId]/manage/ideas#restoreIdeaVersionAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:idea/,
    input: (w) => ({ ideaId: w.foreign.ideaId, version: 1, expectedVersion: 1 }),
  },
  "(app)/studies/[studyId]/ideas#withdrawIdeaAction": {
    kind: "call",
    phase: "writing",
    refusal: /not_found:idea/,
    input: (w) => ({ ideaId: w.foreign.ownIdeaId }),
  },
  "(app)/studies/[studyId]/review#saveProfileAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /not in this study/,
    input: (w) => ({ topicIds: w.foreign.topicId, minLoad: "1", maxLoad: "2" }),
  },
  "(app)/studies/[studyId]/review#submitReviewAction": {
    kind: "call",
    phase: "reviewing",
    refusal: /not_found:assignment/,
    input: (w) => ({
      assignmentId: w.foreign.ownAssignmentId,
      answers: {},
      version: 0,
      activeSeconds: 0,
    }),
  },
  "(app)/studies/[studyId]/manage/reviews#reassignAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /reviewer of this study/,
    input: (w) => ({ fromReviewerId: w.foreign.reviewerId, toReviewerId: w.foreign.otherReviewerId }),
  },
  "(app)/studies/[studyId]/manage/reviews#sendReminderAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /not_found:reviewer/,
    input: (w) => ({ reviewerId: w.foreign.reviewerId }),
  },
  "(app)/studies/[studyId]/manage/assignment#runAssignmentAction": noObjectId,
  "(app)/studies/[studyId]/manage/assignment#publishAction": noObjectId,
  "(app)/studies/[studyId]/manage/assignment#addPairAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /No idea .* has the code "F002A"/,
    input: (w) => ({ ideaCode: w.foreign.ideaCode, reviewerId: w.foreign.reviewerId }),
  },
  "(app)/studies/[studyId]/manage/assignment#removePairAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /not_found:assignment/,
    input: (w) => ({ assignmentId: w.foreign.assignmentId }),
  },
  "(app)/studies/[studyId]/manage/assignment#addConflictAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /reviewer of this study/,
    input: (w) => ({ reviewerId: w.foreign.reviewerId, authorId: w.foreign.authorId }),
  },
  "(app)/studies/[studyId]/manage/assignment#removeConflictAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /not_found:conflict/,
    input: (w) => ({ id: w.foreign.conflictId }),
  },
  "(app)/studies/[studyId]/manage/assignment#withdrawReviewerAction": {
    kind: "form",
    phase: "reviewing",
    refusal: /reviewer of this study/,
    input: (w) => ({ reviewerId: w.foreign.reviewerId }),
  },
  "(app)/studies/[studyId]/members#createStudyInvitationAction": noObjectId,
  "(app)/studies/[studyId]/members#createBulkInvitationsAction": noObjectId,
  "(app)/studies/[studyId]/members#revokeStudyInvitationAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:invitation/,
    input: (w) => ({ invitationId: w.foreign.invitationId }),
  },
  "(app)/studies/[studyId]/members#removeMemberAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:member/,
    input: (w) => ({ userId: w.foreign.reviewerId }),
  },
  "(app)/studies/[studyId]/settings#updateDetailsAction": noObjectId,
  "(app)/studies/[studyId]/settings#setArchivedAction": noObjectId,
  "(app)/studies/[studyId]/settings#deleteStudyAction": noObjectId,
  "(app)/studies/[studyId]/settings#saveTopicsAction": {
    kind: "call",
    phase: "writing",
    refusal: /no longer in this study/,
    input: (w) => ({ items: [{ id: w.foreign.topicId, name: "Renamed" }] }),
  },
  "(app)/studies/[studyId]/settings#saveConditionsAction": {
    kind: "call",
    phase: "writing",
    refusal: /no longer in this study/,
    input: (w) => ({
      items: [{ id: w.foreign.conditionId, key: "Renamed", label: "Renamed", isBaseline: true }],
    }),
  },
  "(app)/studies/[studyId]/settings#saveTemplateAction": noObjectId,
  "(app)/studies/[studyId]/settings#savePhaseDatesAction": noObjectId,
  "(app)/studies/[studyId]/settings#changePhaseAction": noObjectId,
  "(app)/studies/[studyId]/manage/review-form#saveReviewFormAction": noObjectId,
  "(app)/studies/[studyId]/manage/review-form#saveReviewSettingsAction": noObjectId,
  "(app)/studies/[studyId]/manage/normalization#startNormalizationAction": {
    kind: "form",
    phase: "normalization",
    refusal: /not a submitted idea of this study/,
    input: (w) => ({ "ideaIds[]": w.foreign.ideaId }),
  },
  "(app)/studies/[studyId]/manage/normalization#acceptCleanRewritesAction": {
    kind: "form",
    phase: "normalization",
    refusal: /not a submitted idea of this study/,
    input: (w) => ({ "ideaIds[]": w.foreign.ideaId }),
  },
  "(app)/studies/[studyId]/manage/normalization#reviewNormalizationAction": {
    kind: "form",
    phase: "normalization",
    refusal: /not_found:idea/,
    input: (w) => ({ ideaId: w.foreign.ideaId, decision: "accept" }),
  },
  "(app)/studies/[studyId]/arena#submitVoteAction": {
    kind: "call",
    phase: "arena",
    refusal: /not_found:arena_pair/,
    input: (w) => ({ pairId: w.foreign.pairId, verdicts: {} }),
  },
  "(app)/studies/[studyId]/arena#skipPairAction": {
    kind: "call",
    phase: "arena",
    refusal: /not_found:arena_pair/,
    input: (w) => ({ pairId: w.foreign.pairId }),
  },
  "(app)/studies/[studyId]/manage/arena#saveCriteriaAction": noObjectId,
  "(app)/studies/[studyId]/manage/arena#saveArenaSettingsAction": {
    kind: "form",
    phase: "writing",
    refusal: /topic/i,
    input: (w) => ({
      "topicIds[]": w.foreign.topicId,
      mode: "round_robin",
      budget: "10",
      seed: "1",
      k: "32",
      bootstrap: "100",
    }),
  },
  "(app)/studies/[studyId]/manage/arena#schedulePairsAction": noObjectId,
  "(app)/studies/[studyId]/manage/arena#clearPairsAction": noObjectId,
  "(app)/studies/[studyId]/manage/arena/llm#startLlmJudgingAction": noObjectId,
  "(app)/studies/[studyId]/results#publishResultsAction": noObjectId,
  "(app)/studies/[studyId]/leaderboard#publishLeaderboardAction": noObjectId,
  "(app)/admin/literature#saveLiteratureSettingsAction": notStudyScoped("instance admins, no study"),
  "(app)/admin/literature#testSourceAction": notStudyScoped("instance admins, no study"),
  "(app)/studies/[studyId]/literature#setCutoffAction": noObjectId,
  "(app)/studies/[studyId]/literature#startEmbeddingAction": noObjectId,
  "(app)/studies/[studyId]/literature#searchExternalAction": noObjectId,
  "(app)/studies/[studyId]/literature#addExternalPaperAction": {
    kind: "none",
    why: "the key names a search result the server re-fetches, not a stored object",
  },
  "(app)/studies/[studyId]/ideation#startRunAction": {
    kind: "form",
    phase: "writing",
    refusal: /invalid:ideation_run/,
    input: (w) => ({
      agent: "coi",
      condition_coi: "CoI",
      topicMode: "chosen",
      topicIds: w.foreign.topicId,
      n: "1",
      model: "mock",
      budgetUsd: "1",
    }),
  },
  "(app)/studies/[studyId]/ideation#cancelRunAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:ideation_run/,
    input: (w) => ({ runId: w.foreign.runId }),
  },
  "(app)/studies/[studyId]/ideation#resumeRunAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:ideation_run/,
    input: (w) => ({ runId: w.foreign.runId }),
  },
  "(app)/studies/[studyId]/ideation/[runId]#arenaAfterIdeationAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:ideation_run/,
    input: (w) => ({ runId: w.foreign.runId }),
  },
  "(app)/studies/[studyId]/literature#fetchMoreAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:paper/,
    input: (w) => ({ paperId: w.foreign.paperId, source: "openalex" }),
  },
  "(app)/studies/[studyId]/literature/papers/[paperId]#readPaperAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:paper/,
    input: (w) => ({ paperId: w.foreign.paperId }),
  },
  "(app)/studies/[studyId]/literature/chains#startChainAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:topic/,
    input: (w) => ({ topicId: w.foreign.topicId, topic: "", k: 3, maxLength: 5, minLength: 3, seed: 1 }),
  },
  "(app)/studies/[studyId]/literature/chains#rebuildChainAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:chain/,
    input: (w) => ({ chainId: w.foreign.chainId, edit: "rebuild", paperId: "" }),
  },
  "(app)/studies/[studyId]/literature/chains#cancelChainAction": {
    kind: "form",
    phase: "writing",
    refusal: /not_found:chain/,
    input: (w) => ({ chainId: w.foreign.chainId }),
  },
};

const APP = path.resolve(__dirname);

function actionFiles(): string[] {
  return (fs.readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "actions.ts")
    .map((f) => path.join(APP, f))
    .sort();
}

function keyOf(file: string, name: string) {
  const dir = path.relative(APP, path.dirname(file)).split(path.sep).join("/");
  return `${dir}#${name}`;
}

async function discoverActions() {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of actionFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(keyOf(file, name), value as never);
    }
  }
  return found;
}

function buildWorld() {
  const db = getDb();
  // The foreign study: the caller once wrote and reviewed here, then was removed.
  const foreignOrganizer = makeUser({ name: "Foreign Organizer" });
  const foreignStudy = makeStudy({ organizer: foreignOrganizer, title: "Foreign" });
  const [topic] = replaceTopics({
    studyId: foreignStudy.id,
    actorId: foreignOrganizer.id,
    items: [{ name: "T" }],
  });
  db.update(studies).set({ status: "writing" }).where(eq(studies.id, foreignStudy.id)).run();
  const condition = db.select().from(conditions).where(eq(conditions.studyId, foreignStudy.id)).get();
  const caller = makeUser({ name: "Caller" });
  const reviewer = makeUser({ name: "Foreign Reviewer" });
  const otherReviewer = makeUser({ name: "Other Foreign Reviewer" });
  const author = makeUser({ name: "Foreign Author" });
  addStudyRoles({ studyId: foreignStudy.id, userId: caller.id, roles: ["writer", "reviewer"] });
  for (const u of [reviewer, otherReviewer]) {
    addStudyRoles({ studyId: foreignStudy.id, userId: u.id, roles: ["reviewer"] });
  }
  addStudyRoles({ studyId: foreignStudy.id, userId: author.id, roles: ["writer"] });
  const idea = (authorId: string, code: string, status: "draft" | "submitted") =>
    db
      .insert(ideas)
      .values({
        studyId: foreignStudy.id,
        code,
        topicId: topic!.id,
        conditionId: condition!.id,
        authorId,
        provenance: "written",
        status,
        fields: fullFields(code),
        submittedAt: status === "submitted" ? Date.now() : null,
        reviewTextSource: "original",
      })
      .returning({ id: ideas.id })
      .get().id;
  const ownIdeaId = idea(caller.id, "F001A", "draft");
  const ideaId = idea(author.id, "F002A", "submitted");
  const ideaId2 = idea(author.id, "F003A", "submitted");
  const assignment = (reviewerId: string) =>
    db
      .insert(assignments)
      .values({ studyId: foreignStudy.id, ideaId, reviewerId, state: "published", source: "manual" })
      .returning({ id: assignments.id })
      .get().id;
  const ownAssignmentId = assignment(caller.id);
  const assignmentId = assignment(reviewer.id);
  const conflictId = db
    .insert(reviewConflicts)
    .values({ studyId: foreignStudy.id, reviewerId: reviewer.id, authorId: author.id })
    .returning({ id: reviewConflicts.id })
    .get().id;
  const pairId = db
    .insert(arenaPairs)
    .values({ studyId: foreignStudy.id, ideaAId: ideaId, ideaBId: ideaId2 })
    .returning({ id: arenaPairs.id })
    .get().id;
  const invitationId = insertInvitation({
    tokenHash: `hash-${crypto.randomUUID()}`,
    studyId: foreignStudy.id,
    roles: ["reviewer"],
    email: null,
    note: null,
    createdBy: foreignOrganizer.id,
    expiresAt: Date.now() + 86_400_000,
  }).id;
  const paperId = upsertCorpus({
    corpus: {
      papers: [
        {
          doi: null,
          arxivId: null,
          s2Id: null,
          openalexId: null,
          aclId: null,
          importId: "foreign-paper",
          title: "A paper in the foreign study's corpus",
          abstract: "",
          year: 2020,
          date: null,
          venue: null,
          authors: [],
          citationCount: null,
          url: null,
          pdfUrl: null,
          source: "import",
        },
      ],
      edges: [],
      unresolved: [],
    },
    studyId: foreignStudy.id,
  }).ids[0];
  const runId = createIdeationRun({
    studyId: foreignStudy.id,
    createdBy: foreignOrganizer.id,
    agents: [{ agent: "coi", conditionKey: "CoI", conditionId: null, params: {} }],
    topics: [{ topicId: topic!.id, n: 1 }],
    topicMode: "chosen",
    model: "mock",
    budgetUsd: 1,
    seed: 1,
    keep: "best",
  }).id;
  const chainId = createChain({
    studyId: foreignStudy.id,
    topicId: null,
    topic: "A foreign chain",
    options: { k: 1, maxLength: 5, minLength: 3, seed: 1, pinnedAnchorIds: [], excludedIds: [] },
    createdBy: foreignOrganizer.id,
  }).id;
  removeStudyRoles({ studyId: foreignStudy.id, userId: caller.id });

  // The caller's own studies, one per phase, where they hold every role and have consented.
  const home = {} as Record<Phase, string>;
  for (const phase of ["writing", "normalization", "reviewing", "arena"] as const) {
    const study = makeStudy({ organizer: caller, title: `Home ${phase}` });
    replaceTopics({ studyId: study.id, actorId: caller.id, items: [{ name: "Home topic" }] });
    addStudyRoles({ studyId: study.id, userId: caller.id, roles: ["writer", "reviewer", "judge"] });
    db.update(studies).set({ status: phase }).where(eq(studies.id, study.id)).run();
    recordConsent({ studyId: study.id, userId: caller.id });
    home[phase] = study.id;
  }
  return {
    caller,
    home,
    foreign: {
      studyId: foreignStudy.id,
      topicId: topic!.id,
      conditionId: condition!.id,
      ownIdeaId,
      ideaId,
      ideaCode: "F002A",
      ownAssignmentId,
      assignmentId,
      reviewerId: reviewer.id,
      otherReviewerId: otherReviewer.id,
      authorId: author.id,
      conflictId,
      pairId,
      invitationId,
      paperId: paperId as string,
      runId,
      chainId,
    },
  };
}

/** Every row of every table, so "wrote nothing" means exactly that. */
function dumpDb(): string {
  const client = getDb().$client;
  const tables = client
    // The FTS5 index (papers_fts and its shadow tables, some without rowid) only mirrors `papers`.
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'papers_fts%' ORDER BY name",
    )
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map((t) => [t.name, client.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
  );
}

function toFormData(input: Record<string, unknown>, studyId: string) {
  const form = new FormData();
  form.set("studyId", studyId);
  for (const [k, v] of Object.entries(input)) form.append(k, String(v));
  return form;
}

let actions: Map<string, (...args: unknown[]) => Promise<unknown>>;

beforeAll(async () => {
  actions = await discoverActions();
});

describe("server actions with another study's object ids", () => {
  it("lists every server action exactly once", () => {
    const found = [...actions.keys()].sort();
    expect(
      found.filter((k) => !(k in CASES)),
      "actions missing from CASES",
    ).toEqual([]);
    expect(
      Object.keys(CASES).filter((k) => !actions.has(k)),
      "CASES entries with no action",
    ).toEqual([]);
  });

  let world: World;
  beforeEach(() => {
    vi.stubEnv("APP_URL", "http://localhost:3000");
    vi.stubEnv("LLM_PROVIDER", "mock");
    resetEnvForTests();
    resetTestDb();
    world = buildWorld();
    session.user = world.caller;
  });

  const withIds = Object.entries(CASES).filter(
    (e): e is [string, Extract<Case, { kind: "form" | "call" }>] => e[1].kind !== "none",
  );
  it.each(withIds)("%s refuses a foreign id and writes nothing", async (key, c) => {
    const action = actions.get(key);
    expect(action, `${key} is not an exported action`).toBeDefined();
    const studyId = world.home[c.phase];
    const input = c.input(world);
    const before = dumpDb();
    let result: unknown;
    try {
      result =
        c.kind === "form"
          ? await action!(undefined, toFormData(input, studyId))
          : await action!({ studyId, ...input });
    } catch (e) {
      result = { ok: false, error: `thrown:${(e as Error).message}` };
    }
    expect(result).toMatchObject({ ok: false });
    const code = (result as { error: string }).error;
    expect(code, (result as { message?: string }).message).toMatch(/^(not_found|invalid):/);
    expect(code).not.toBe("invalid:input");
    expect(`${code} ${(result as { message?: string }).message}`).toMatch(c.refusal);
    expect(dumpDb()).toBe(before);
  });
});
