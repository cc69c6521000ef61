import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { countRows, queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET, seedReviewStudy } from "./seed";
import { ARENA_CRITERIA, listArenaVotes, seedArenaPairs } from "./seed-arena-pairs";

// The LLM judge (mock provider) on a seeded arena, the leaderboard at both levels, downloads that
// match the CLI byte for byte, and publishing a snapshot that members can then open.

const PARAMS = { k: 8, bootstrap: 200, seed: 7 };

async function downloadText(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return readFileSync((await download.path())!, "utf8");
}

test("LLM judge both orders, leaderboard, CLI-identical downloads, published snapshot", async ({
  adminPage: page,
  browser,
}) => {
  test.setTimeout(120_000);
  const study = seedReviewStudy({ title: "Arena LLM e2e", status: "arena", ideasPerCell: 2 });
  const { pairs } = seedArenaPairs({ study, params: PARAMS });
  expect(pairs).toHaveLength(12);
  const base = `/studies/${study.studyId}`;

  // Before anything is published, members other than organizers cannot open the leaderboard.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const reviewer = study.reviewers[0]!;
  await new SignInPage(member).signIn(reviewer.email, reviewer.password);
  await expect(member.getByTestId("sign-out")).toBeVisible();
  const hidden = await member.goto(`${base}/leaderboard`);
  expect(hidden?.status()).toBe(404);

  // The organizer starts the LLM judge; the mock answers every order.
  await page.goto(`${base}/manage/arena/llm`);
  await expect(page.getByTestId("llm-judge-state")).toContainText(
    "12 scheduled pairs · 0 of 24 orders judged by mock",
  );
  await page.getByTestId("start-llm-judge-submit").click();
  await expect(page.getByTestId("job-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(page.getByTestId("job-counts")).toContainText("24/24 done");
  await page.reload();
  await expect(page.getByTestId("llm-judge-complete")).toBeVisible();
  await expect(page.getByTestId("llm-judgments")).toContainText("Mock judgment");
  expect(
    countRows("llm_calls", "purpose = 'arena-judge' AND study_id = ? AND error IS NULL", study.studyId),
  ).toBe(24);

  // Every pair has exactly two LLM judgments, one per order, each with a verdict per criterion.
  const llm = listArenaVotes(study.studyId).filter((v) => v.judge_kind === "llm");
  expect(llm).toHaveLength(24);
  for (const pair of pairs) {
    const orders = llm
      .filter((v) => v.pair_id === pair.id)
      .map((v) => `${v.left_idea_id}>${v.right_idea_id}`)
      .sort();
    expect(orders).toEqual([`${pair.ideaAId}>${pair.ideaBId}`, `${pair.ideaBId}>${pair.ideaAId}`].sort());
  }
  for (const vote of llm) {
    expect(vote.model).toBe("mock");
    expect(vote.judge_key).toBe(`llm:mock:${vote.left_idea_id}`);
    expect(Object.keys(JSON.parse(vote.verdicts))).toEqual(ARENA_CRITERIA);
  }

  // The leaderboard: condition and idea levels, each with its CI chart and table.
  await page.goto(`${base}/leaderboard`);
  await expect(page.getByTestId("leaderboard-source")).toContainText(
    "Live results: 28 matches (140 verdicts)",
  );
  await expect(page.getByTestId("leaderboard-source")).toContainText(
    "Elo K 8; Bradley–Terry with 200 bootstrap",
  );

  // Downloads equal what the CLI writes for the downloaded matches.csv and the study's parameters.
  const matchesCsv = await downloadText(page, "download-matches.csv");
  const ratingsCsv = await downloadText(page, "download-ratings.csv");
  expect(matchesCsv.charCodeAt(0)).not.toBe(0xfeff);
  expect(matchesCsv.split("\r\n").filter(Boolean)).toHaveLength(1 + 140);
  const dir = mkdtempSync(join(tmpdir(), "arena-e2e-"));
  try {
    writeFileSync(join(dir, "matches.csv"), matchesCsv);
    // The real command line (`npm run arena`): scripts/arena.ts is an ES module entry point that
    // Playwright's CommonJS test loader cannot import, so it runs the way people run it, with tsx.
    execFileSync(
      process.execPath,
      [
        ...["node_modules/tsx/dist/cli.mjs", "scripts/arena.ts"],
        ...["--in", join(dir, "matches.csv"), "--out", join(dir, "out")],
        ...["--k", String(PARAMS.k), "--bootstrap", String(PARAMS.bootstrap), "--seed", String(PARAMS.seed)],
        // The app's weak prior (the CLI's default is none).
        ...["--prior", "1"],
      ],
      { stdio: "pipe" },
    );
    expect(readFileSync(join(dir, "out", "ratings.csv")).equals(Buffer.from(ratingsCsv, "utf8"))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Both levels on the page, as in ratings.csv: a chart point for each player with an estimate.
  const rated = (level: string) =>
    ratingsCsv
      .split("\r\n")
      .map((line) => line.split(","))
      .filter((cells) => cells[0] === level && cells[1] === "average");
  const withEstimate = (level: string) => rated(level).filter((cells) => cells[4] !== "").length;
  expect(rated("condition")).toHaveLength(2);
  expect(rated("idea")).toHaveLength(8);
  const conditions = page.getByTestId("rating-table-condition");
  for (const c of SECRET.conditions) await expect(conditions.getByTestId(`rating-${c.key}`)).toBeVisible();
  await expect(page.getByTestId("rating-ci-chart-condition")).toHaveAttribute(
    "data-points",
    String(withEstimate("condition")),
  );
  await expect(page.getByTestId("rating-ci-chart-condition").locator("svg.recharts-surface")).toBeVisible();
  // The two topics never meet at idea level: one table and chart per topic, ranks within it.
  const ideaTable = page.getByTestId("leaderboard-idea");
  await expect(page.getByTestId("groups-note-idea")).toContainText("2 groups that never met");
  for (const idea of study.ideas) {
    await expect(ideaTable.getByTestId(`rating-${idea.code}`)).toContainText(idea.condition);
  }
  expect(withEstimate("idea")).toBeGreaterThan(0);
  const points = await Promise.all(
    [1, 2].map((g) => page.getByTestId(`rating-ci-chart-idea-${g}`).getAttribute("data-points")),
  );
  expect(points.reduce((sum, n) => sum + Number(n), 0)).toBe(withEstimate("idea"));
  await expect(page.getByTestId("rating-ci-chart-idea-1").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("prior-note-idea")).toContainText("weak prior");
  const [human, agent] = SECRET.conditions.map((c) => c.key);
  await expect(page.getByTestId(`winrate-${human}-${agent}`)).toContainText("%");
  await expect(page.getByTestId("agreement-all")).toContainText("of 20");
  // The two topics never meet at idea level: said as a warning, not hidden.
  await expect(page.getByTestId("arena-problems")).toContainText("2 comparison groups");
  await page.getByTestId("criterion-tabs").getByRole("link", { name: "novelty" }).click();
  await expect(page).toHaveURL(/criterion=novelty/);
  await expect(page.getByTestId("leaderboard-idea")).toContainText("Ideas · novelty");

  const response = await page.request.get(`/api/studies/${study.studyId}/arena/download?file=ratings.csv`);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-disposition"]).toMatch(
    /^attachment; filename="arena-.*-live-ratings\.csv"$/,
  );

  // Publishing stores a snapshot with the hash of exactly the downloaded matches.csv.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("publish-leaderboard-submit").click();
  await expect(page.getByTestId("publish-done")).toContainText("28 matches");
  await expect(page.getByTestId("snapshot-list").locator("tbody tr")).toHaveCount(1);
  const stored = queryOne<{ id: string; matches_hash: string; match_count: number }>(
    "SELECT id, matches_hash, match_count FROM arena_snapshots WHERE study_id = ?",
    study.studyId,
  )!;
  expect(stored.matches_hash).toBe(createHash("sha256").update(matchesCsv, "utf8").digest("hex"));
  expect(stored.match_count).toBe(28);
  await expect(page.getByTestId(`snapshot-${stored.id}`)).toContainText(stored.matches_hash.slice(0, 12));

  // A member now sees the published snapshot and can download its files, but not the live ones.
  await member.goto(`${base}/leaderboard`);
  await expect(member.getByTestId("leaderboard-source")).toContainText("Published");
  await expect(member.getByTestId("rating-table-condition").getByTestId(`rating-${human}`)).toBeVisible();
  await expect(member.getByTestId("leaderboard-idea")).toBeVisible();
  const memberTables = member.getByTestId("leaderboard-idea").locator("table");
  await expect(memberTables).toHaveCount(2);
  for (const i of [0, 1]) await expect(memberTables.nth(i)).not.toContainText(human!);
  const snapshotRatings = await downloadText(member, "download-ratings.csv");
  expect(snapshotRatings).toBe(ratingsCsv);
  const live = await member.request.get(`/api/studies/${study.studyId}/arena/download?file=ratings.csv`);
  expect(live.status()).toBe(403);
  await memberContext.close();
});
