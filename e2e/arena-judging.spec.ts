import type { Page } from "@playwright/test";
import { recordBodies } from "./crawl";
import { countRows, queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SECRET, seedReviewStudy } from "./seed";
import { seedJudge, seedStudyRole } from "./seed-arena";

// The human side of the Idea Arena end to end: the organizer schedules round-robin pairs, a judge
// votes with the keyboard alone, skips a pair, has a replayed vote from a second tab refused, and
// never receives anything that tells who wrote an idea or under which condition (the blindness crawl).

async function signIn(page: Page, email: string, password: string) {
  await new SignInPage(page).signIn(email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

test("organizer schedules pairs; a judge votes by keyboard, skips, is refused a double vote, and stays blind", async ({
  adminPage: page,
  browser,
}) => {
  const s = seedReviewStudy({
    title: `Arena study ${Date.now()}`,
    status: "arena",
    ideasPerCell: 2,
    reviewerCount: 0,
  });
  expect(s.ideas).toHaveLength(8);
  const judge = seedJudge({ studyId: s.studyId });
  // The author of the HumanQx ideas judges too: they must never get a pair with their own idea.
  seedStudyRole({ studyId: s.studyId, userId: s.author.id, role: "judge" });

  // The organizer sees the setup with the defaults and the judges, and schedules round-robin pairs.
  await page.goto(`/studies/${s.studyId}/manage/arena`);
  await expect(page.getByTestId("arena-summary")).toContainText("8 of 8 ideas ready for the arena take part");
  await expect(page.getByTestId("arena-state")).toContainText("The arena is open");
  await expect(page.getByTestId("arena-judges")).toContainText(judge.name);
  await expect(page.getByTestId("arena-judges")).toContainText(SECRET.authorName);
  await expect(page.getByTestId("field-mode")).toHaveValue("round_robin");
  await expect(page.getByTestId("field-sameTopic")).toBeChecked();
  await expect(page.getByTestId("criteria-row-0").getByTestId("criteria-0-key")).toHaveValue("novelty");
  await expect(page.getByTestId("arena-schedule-empty")).toBeVisible();
  await page.getByTestId("schedule-pairs-submit").click();
  await expect(page.getByTestId("schedule-pairs").getByTestId("form-success")).toHaveText(
    "Scheduled 12 pairs (round 1) among 8 ideas.",
  );
  await expect(page.getByTestId("arena-pair-row")).toHaveCount(12);
  expect(countRows("arena_pairs", "study_id = ?", s.studyId)).toBe(12);
  // Same-topic round-robin: 4 ideas per topic, 6 pairs each, none with itself, none twice.
  expect(
    countRows(
      "arena_pairs p JOIN ideas a ON a.id = p.idea_a_id JOIN ideas b ON b.id = p.idea_b_id",
      "p.study_id = ? AND a.topic_id = b.topic_id AND a.id != b.id",
      s.studyId,
    ),
  ).toBe(12);
  // A second run has nothing left to add.
  await page.getByTestId("schedule-pairs-submit").click();
  await expect(page.getByTestId("schedule-pairs").getByTestId("form-success")).toContainText(
    "Nothing new to schedule",
  );
  expect(countRows("arena_pairs", "study_id = ?", s.studyId)).toBe(12);

  // The judge, in two tabs that both show the first pair; everything received is checked for leaks.
  const judgeContext = await browser.newContext();
  const board = await judgeContext.newPage();
  const bodies = recordBodies(board);
  await signIn(board, judge.email, judge.password);
  const arenaUrl = `/studies/${s.studyId}/arena`;
  await board.goto(arenaUrl);
  await expect(board.getByTestId("arena-progress")).toContainText("0 of 12");
  await expect(board.getByTestId("arena-shortcuts")).toContainText("A / B / T");
  await expect(board.getByTestId("idea-a")).toContainText("Idea A");
  await expect(board.getByTestId("idea-b")).toContainText("Idea B");
  await expect(board.getByTestId("idea-a-text")).toContainText("(normalized)");
  await expect(board.getByTestId("idea-a-text")).not.toContainText(SECRET.originalMarker);
  const secondTab = await judgeContext.newPage();
  const secondBodies = recordBodies(secondTab);
  await secondTab.goto(arenaUrl);
  await expect(secondTab.getByTestId("arena-progress")).toContainText("0 of 12");

  // Keyboard only. Enter before any verdict is refused, naming the first criterion.
  await board.keyboard.press("Enter");
  await expect(board.getByTestId("vote-error")).toHaveText("Novelty: choose A, B or Tie.");
  await expect(board.getByTestId("criterion-novelty")).toHaveAttribute("data-active", "true");
  for (const key of ["a", "b", "t", "a"]) await board.keyboard.press(key);
  await expect(board.getByTestId("criterion-effectiveness")).toHaveAttribute("data-active", "true");
  // Back up one criterion with the arrow key and change its verdict; then the last one.
  await board.keyboard.press("ArrowUp");
  await expect(board.getByTestId("criterion-feasibility")).toHaveAttribute("data-active", "true");
  await board.keyboard.press("b");
  await board.keyboard.press("b");
  await expect(board.getByTestId("verdict-feasibility-b")).toBeChecked();
  await expect(board.getByTestId("verdict-count")).toHaveText("5 of 5 criteria decided");
  await board.keyboard.press("c");
  await expect(board.getByTestId("arena-comment")).toBeFocused();
  await board.keyboard.type("Idea A tests a bolder claim.");
  await board.keyboard.press("Escape");
  await board.keyboard.press("Enter");
  await expect(board.getByTestId("arena-progress")).toContainText("1 of 12");
  await expect(board.getByTestId("arena-progress")).toContainText("1 voted, 0 skipped");
  const vote = queryOne<{
    pair_id: string;
    status: string;
    verdicts: string;
    comment: string;
    left_idea_id: string;
    right_idea_id: string;
    judge_kind: string;
  }>("SELECT * FROM arena_votes WHERE study_id = ? AND judge_key = ?", s.studyId, judge.id)!;
  expect(vote).toMatchObject({
    status: "voted",
    judge_kind: "human",
    comment: "Idea A tests a bolder claim.",
  });
  expect(JSON.parse(vote.verdicts)).toEqual({
    novelty: "a",
    significance: "b",
    clarity: "tie",
    feasibility: "b",
    effectiveness: "b",
  });
  const pair = queryOne<{ a: string; b: string }>(
    "SELECT idea_a_id AS a, idea_b_id AS b FROM arena_pairs WHERE id = ?",
    vote.pair_id,
  )!;
  expect([vote.left_idea_id, vote.right_idea_id].sort()).toEqual([pair.a, pair.b].sort());

  // Skip the next pair.
  await expect(board.getByTestId("verdict-count")).toHaveText("0 of 5 criteria decided");
  await board.getByTestId("skip-pair").click();
  await expect(board.getByTestId("arena-progress")).toContainText("2 of 12");
  await expect(board.getByTestId("arena-progress")).toContainText("1 voted, 1 skipped");

  // The second tab still shows the first pair: replaying a vote on it is refused, and nothing is written.
  await secondTab.bringToFront();
  for (const key of ["a", "a", "a", "a", "a"]) await secondTab.keyboard.press(key);
  await secondTab.keyboard.press("Enter");
  await expect(secondTab.getByTestId("vote-error")).toHaveText("You already judged this pair.");
  expect(countRows("arena_votes", "study_id = ? AND judge_key = ?", s.studyId, judge.id)).toBe(2);
  expect(
    countRows("arena_votes", "pair_id = ? AND judge_key = ? AND status = 'voted'", vote.pair_id, judge.id),
  ).toBe(1);
  await secondTab.getByTestId("next-pair").click();
  await expect(secondTab.getByTestId("arena-progress")).toContainText("2 of 12");

  // The crawl: every page a judge can reach, plus organizer pages and exports (refused).
  await board.goto("/");
  await board.goto(`/studies/${s.studyId}`);
  await board.goto(arenaUrl);
  await board.goto("/account");
  for (const path of [
    `/studies/${s.studyId}/manage/arena`,
    `/studies/${s.studyId}/manage/ideas`,
    `/studies/${s.studyId}/manage/assignment`,
    `/studies/${s.studyId}/settings`,
    `/studies/${s.studyId}/members`,
    `/studies/${s.studyId}/literature`,
  ]) {
    const res = await board.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  for (const path of [`/api/studies/${s.studyId}/ideas/export?format=csv`]) {
    const res = await board.request.get(path);
    expect(res.status(), path).toBe(403);
  }
  const received = [...(await bodies()), ...(await secondBodies())];
  expect(received.length).toBeGreaterThan(10);
  const secrets = [
    SECRET.authorName,
    s.author.email,
    SECRET.institution,
    ...SECRET.conditions.flatMap((c) => [c.key, c.label]),
    '"written"',
    '"generated"',
    '"imported"',
    "provenance",
    SECRET.originalMarker,
    ...s.ideas.map((i) => i.id),
  ];
  // Judges see no idea codes either; codes are short, so they are matched as whole words.
  const codes = s.ideas.map((i) => new RegExp(`\\b${i.code}\\b`));
  for (const { url, body } of received) {
    for (const secret of secrets) expect(body.includes(secret), `${secret} leaked in ${url}`).toBe(false);
    for (const code of codes)
      expect(code.test(body), `idea code ${code.source} leaked in ${url}`).toBe(false);
  }
  await judgeContext.close();

  // The author judges only the pairs without their own ideas: AgentZq vs AgentZq, one per topic.
  const authorContext = await browser.newContext();
  const author = await authorContext.newPage();
  await signIn(author, s.author.email, s.author.password);
  await author.goto(arenaUrl);
  await expect(author.getByTestId("arena-progress")).toContainText("0 of 2");
  await authorContext.close();

  // The first vote locked the criteria; the organizer's page says why and counts it.
  await page.goto(`/studies/${s.studyId}/manage/arena`);
  await expect(page.getByTestId("criteria")).toContainText(
    "The criteria are locked: 1 vote has been cast (1 human, 0 LLM)",
  );
  await expect(page.getByTestId("criteria-save")).toHaveCount(0);
  await expect(page.getByTestId("arena-summary")).toContainText("1 human vote, 0 LLM votes, 1 skip");
  await expect(page.getByTestId("arena-judges").locator("tr", { hasText: judge.name })).toContainText("1");
});
