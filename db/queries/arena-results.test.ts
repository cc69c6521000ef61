import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { arenaSnapshots, studies } from "@/db/schema";
import { addHumanVote, makeArenaStudy } from "@/db/testing/arena-results-fixtures";
import { resetTestDb } from "@/db/testing/db";
import { computeArenaOutputs, hashMatchesCsv } from "@/lib/arena/leaderboard-outputs";
import { parseMatchesCsv } from "@/lib/arena/matches-file";
import { DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { pseudonymizeReviewer } from "@/lib/reviews/pseudonym";
import { runArenaCli } from "@/scripts/arena";
import { saveLlmJudgment } from "./arena-llm";
import {
  getArenaMatchesCsv,
  getArenaSnapshot,
  getArenaStaleness,
  getLiveArenaResults,
  listArenaMatches,
  listArenaSnapshots,
  publishArenaSnapshot,
} from "./arena-results";
import { getPseudonymSalt } from "./review-exchange";

beforeEach(() => resetTestDb());
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

const keys = DEFAULT_ARENA_CONFIG.criteria.map((c) => c.key);
const all = (v: "a" | "b" | "tie") => Object.fromEntries(keys.map((k) => [k, v]));

/** Two topics × Human/AI × 2 ideas, round-robin pairs, human votes and LLM judgments in both orders. */
function arenaWithVotes() {
  const arena = makeArenaStudy({ ideasPerCell: 2 });
  const { study, pairs, judges } = arena;
  const t0 = Date.UTC(2025, 4, 1);
  pairs.forEach((pair, i) => {
    addHumanVote({
      studyId: study.id,
      pairId: pair.id,
      judgeId: judges[i % 2]!.id,
      leftIdeaId: i % 2 ? pair.ideaBId : pair.ideaAId,
      rightIdeaId: i % 2 ? pair.ideaAId : pair.ideaBId,
      verdicts: { ...all(i % 3 === 0 ? "a" : "b"), clarity: "tie" },
      createdAt: t0 + i * 1000,
    });
    for (const [left, right] of [
      [pair.ideaAId, pair.ideaBId],
      [pair.ideaBId, pair.ideaAId],
    ] as const) {
      saveLlmJudgment({
        studyId: study.id,
        pairId: pair.id,
        model: "gpt-test",
        leftIdeaId: left,
        rightIdeaId: right,
        verdicts: all(i % 2 ? "a" : "b"),
        reasoning: "r",
      });
    }
  });
  return arena;
}

function setParams(studyId: string, params: { k: number; bootstrap: number; seed: number }) {
  getDb().update(studies).set({ arenaConfig: params }).where(eq(studies.id, studyId)).run();
}

describe("arena matches", () => {
  it("has one record per voted judgment and criterion, skips left out, judges pseudonymized", () => {
    const { study, pairs, judges, ideas } = arenaWithVotes();
    const skip = addHumanVote({
      studyId: study.id,
      pairId: pairs[0]!.id,
      judgeId: judges[1]!.id,
      leftIdeaId: pairs[0]!.ideaAId,
      rightIdeaId: pairs[0]!.ideaBId,
      verdicts: {},
      status: "skipped",
    });
    const matches = listArenaMatches({ studyId: study.id });
    // 12 pairs × (1 human + 2 LLM orders) × 5 criteria.
    expect(matches).toHaveLength(12 * 3 * 5);
    expect(matches.some((m) => m.matchId === skip.id)).toBe(false);

    const salt = getPseudonymSalt(getDb(), study.id);
    const code = new Map(ideas.map((i) => [i.id, i]));
    const first = matches.filter(
      (m) => m.judgeKind === "human" && m.createdAt === "2025-05-01T00:00:00.000Z",
    );
    expect(first.map((m) => m.criterion)).toEqual(keys);
    const pair = pairs[0]!;
    expect(first[0]).toMatchObject({
      topic: "Graphs",
      ideaA: code.get(pair.ideaAId)!.code,
      ideaB: code.get(pair.ideaBId)!.code,
      conditionA: code.get(pair.ideaAId)!.conditionKey,
      conditionB: code.get(pair.ideaBId)!.conditionKey,
      judgeId: pseudonymizeReviewer({ salt, userId: judges[0]!.id }),
      winner: "a",
    });
    expect(first.find((m) => m.criterion === "clarity")?.winner).toBe("tie");
    expect(new Set(first.map((m) => m.matchId)).size).toBe(1);
    const llm = matches.filter((m) => m.judgeKind === "llm");
    expect(llm).toHaveLength(12 * 2 * 5);
    expect(new Set(llm.map((m) => m.judgeId))).toEqual(new Set(["gpt-test"]));
    // Oldest first, by (created_at, match_id).
    const times = matches.map((m) => Date.parse(String(m.createdAt)));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(JSON.stringify(matches)).not.toContain(judges[0]!.id);
  });

  it("writes a matches.csv the CLI's parser reads back unchanged", () => {
    const { study } = arenaWithVotes();
    const csv = getArenaMatchesCsv({ studyId: study.id });
    expect(csv.startsWith("match_id,topic,idea_a,idea_b,condition_a,condition_b,judge_id,judge_kind,")).toBe(
      true,
    );
    const parsed = parseMatchesCsv(csv);
    expect(parsed).toEqual({ ok: true, matches: listArenaMatches({ studyId: study.id }) });
  });
});

describe("arena outputs", () => {
  it("are byte-identical to the CLI's for the same matches.csv and the study's k, bootstrap and seed", () => {
    const { study } = arenaWithVotes();
    setParams(study.id, { k: 8, bootstrap: 60, seed: 11 });
    const live = getLiveArenaResults({ studyId: study.id });
    expect(live.params).toEqual({ k: 8, bootstrap: 60, seed: 11, prior: 1 });
    expect(live.matchCount).toBe(36);
    expect(live.verdictCount).toBe(180);
    expect(live.matchesHash).toBe(hashMatchesCsv(live.files["matches.csv"]));

    const dir = mkdtempSync(join(tmpdir(), "arena-cli-"));
    try {
      writeFileSync(join(dir, "matches.csv"), live.files["matches.csv"]);
      const code = runArenaCli(
        [
          "--in",
          join(dir, "matches.csv"),
          "--out",
          join(dir, "out"),
          "--k",
          "8",
          "--bootstrap",
          "60",
          "--seed",
          "11",
          "--prior",
          "1",
        ],
        { stdout: () => {}, stderr: () => {} },
      );
      expect(code).toBe(0);
      for (const name of ["ratings.csv", "winrates.csv", "agreement.csv"] as const) {
        expect(readFileSync(join(dir, "out", name), "utf8")).toBe(live.files[name]);
      }
      // The CLI's default prior is 0: its files differ from the app's (prior 1).
      runArenaCli(
        [
          "--in",
          join(dir, "matches.csv"),
          "--out",
          join(dir, "plain"),
          "--k",
          "8",
          "--bootstrap",
          "60",
          "--seed",
          "11",
        ],
        {
          stdout: () => {},
          stderr: () => {},
        },
      );
      expect(readFileSync(join(dir, "plain", "ratings.csv"), "utf8")).not.toBe(live.files["ratings.csv"]);
      // Different parameters give different files (so the comparison above can fail).
      const other = computeArenaOutputs({
        matchesCsv: live.files["matches.csv"],
        params: { k: 4, bootstrap: 60, seed: 12, prior: 1 },
      });
      expect(other.files["ratings.csv"]).not.toBe(live.files["ratings.csv"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rates both levels and reports human–LLM agreement and both judges' position bias", () => {
    const { study } = arenaWithVotes();
    setParams(study.id, { k: 4, bootstrap: 20, seed: 1 });
    const live = getLiveArenaResults({ studyId: study.id });
    expect(live.files["ratings.csv"]).toMatch(/\r\ncondition,average,Human,/);
    expect(live.files["ratings.csv"]).toMatch(/\r\nidea,novelty,T0\d\dX,/);
    expect(live.files["agreement.csv"]).toMatch(/\r\nagreement,all,,60,/);
    expect(live.files["agreement.csv"]).toMatch(/\r\nposition_bias,all,llm,120,60,0\.5\r\n/);
    // The two topics never meet at idea level.
    expect(live.problems.join("\n")).toMatch(/idea level: 2 comparison groups/);
  });
});

describe("arena snapshots", () => {
  it("publish the files with the hash of matches.csv, refuse an unchanged republish, and notice staleness", () => {
    const { study, organizer, pairs, judges } = arenaWithVotes();
    setParams(study.id, { k: 4, bootstrap: 20, seed: 5 });
    const live = getLiveArenaResults({ studyId: study.id });
    const published = publishArenaSnapshot({ studyId: study.id, actorId: organizer.id });
    expect(published).toMatchObject({
      matchesHash: live.matchesHash,
      matchCount: 36,
      params: { k: 4, bootstrap: 20, seed: 5, prior: 1 },
      publishedBy: "Olga Organizer",
    });
    const stored = getArenaSnapshot({ studyId: study.id, snapshotId: published.id })!;
    expect(stored.files).toEqual(live.files);
    expect(stored.criteria).toEqual(keys);
    expect(stored.problems).toEqual(live.problems);
    expect(listArenaSnapshots({ studyId: study.id }).map((s) => s.id)).toEqual([published.id]);
    expect(getArenaStaleness({ studyId: study.id, live })).toMatchObject({ stale: false, reasons: [] });

    expect(() => publishArenaSnapshot({ studyId: study.id, actorId: organizer.id })).toThrow(
      expect.objectContaining({ code: "conflict:arena_snapshot_unchanged" }),
    );
    expect(getDb().select().from(arenaSnapshots).all()).toHaveLength(1);

    addHumanVote({
      studyId: study.id,
      pairId: pairs[1]!.id,
      judgeId: judges[0]!.id,
      leftIdeaId: pairs[1]!.ideaAId,
      rightIdeaId: pairs[1]!.ideaBId,
      verdicts: all("b"),
    });
    setParams(study.id, { k: 4, bootstrap: 20, seed: 6 });
    const now = getLiveArenaResults({ studyId: study.id });
    expect(getArenaStaleness({ studyId: study.id, live: now })).toEqual({
      latest: expect.objectContaining({ id: published.id }),
      stale: true,
      reasons: ["1 new match since it was published", "seed is now 6 (it was 5)"],
    });
    // What was published does not change with the live data.
    expect(getArenaSnapshot({ studyId: study.id, snapshotId: published.id })!.files).toEqual(live.files);
    const second = publishArenaSnapshot({ studyId: study.id, actorId: organizer.id });
    expect(listArenaSnapshots({ studyId: study.id }).map((s) => s.id)).toEqual([second.id, published.id]);
  });

  it("refuses to publish without votes and hides other studies' snapshots", () => {
    const empty = makeArenaStudy();
    const error = (() => {
      try {
        publishArenaSnapshot({ studyId: empty.study.id, actorId: empty.organizer.id });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict:arena_empty");
    expect(getDb().select().from(arenaSnapshots).all()).toHaveLength(0);

    const other = arenaWithVotes();
    setParams(other.study.id, { k: 4, bootstrap: 0, seed: 1 });
    const snap = publishArenaSnapshot({ studyId: other.study.id, actorId: other.organizer.id });
    expect(getArenaSnapshot({ studyId: empty.study.id, snapshotId: snap.id })).toBeUndefined();
    expect(listArenaSnapshots({ studyId: empty.study.id })).toEqual([]);
  });
});
