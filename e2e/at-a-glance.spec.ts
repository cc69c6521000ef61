import { expect, test } from "./fixtures";
import { seedReviewStudy } from "./seed";
import { seedArenaPairs } from "./seed-arena-pairs";
import { seedResultsStudy } from "./seed-reviews";

// What a researcher sees first on a laptop screen (1440×900): the results page's summary table with
// its adjusted p and stars, and the leaderboard's condition ratings with their badges, without
// scrolling. Full-page screenshots go to test-results/at-a-glance/ for a person to look at.

const SHOTS = "test-results/at-a-glance";

test.use({ viewport: { width: 1440, height: 900 } });

test("results summary: p and stars visible without scrolling at 1440×900", async ({ adminPage: page }) => {
  const s = seedResultsStudy({ title: `At a glance ${Date.now()}` });
  await page.goto(`/studies/${s.studyId}/results`);
  const rows = page.getByTestId("summary-review").getByTestId("summary-row");
  await expect(rows).toHaveCount(5);
  const starred = rows.filter({ has: page.getByTestId("summary-stars").filter({ hasText: /\*/ }) }).first();
  await expect(starred.getByTestId("summary-p")).toHaveText(/^(< 0\.001|0\.\d{3})$/);
  // Entirely inside the first screen: no scrolling, nothing cut off at the right.
  await expect(starred.getByTestId("summary-p")).toBeInViewport({ ratio: 1 });
  await expect(starred.getByTestId("summary-stars")).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("result-reading")).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/results-1440x900.png` });
  await page.screenshot({ path: `${SHOTS}/results-full.png`, fullPage: true });
});

test("leaderboard: judge filter, condition ratings and badges visible at 1440×900", async ({
  adminPage: page,
}) => {
  test.setTimeout(120_000);
  const study = seedReviewStudy({ title: `Glance arena ${Date.now()}`, status: "arena", ideasPerCell: 2 });
  seedArenaPairs({ study, params: { k: 4, bootstrap: 200, seed: 3 } });
  await page.goto(`/studies/${study.studyId}/manage/arena/llm`);
  await page.getByTestId("start-llm-judge-submit").click();
  await expect(page.getByTestId("job-status")).toHaveText("completed", { timeout: 30_000 });

  await page.goto(`/studies/${study.studyId}/leaderboard`);
  await expect(page.getByTestId("judge-filter")).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("judges-llm")).toContainText("LLM (24)");
  const conditions = page.getByTestId("rating-table-condition");
  await expect(conditions.locator("tbody tr")).toHaveCount(2);
  // The idea level splits by topic: one table per group, ranks within it.
  await expect(page.getByTestId("groups-note-idea")).toContainText("2 groups that never met");
  await expect(page.getByTestId("prior-note-condition")).toContainText("virtual game");
  // Badges sit inside their table, never cut off by its scroll box.
  const badges = page.getByTestId("leaderboard-idea").getByText("provisional", { exact: true });
  const count = await badges.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const badge = await badges.nth(i).boundingBox();
    const box = await badges
      .nth(i)
      .locator("xpath=ancestor::div[contains(@class,'overflow-x-auto')][1]")
      .boundingBox();
    expect(badge && box && badge.x + badge.width <= box.x + box.width + 0.5).toBe(true);
  }
  await page.screenshot({ path: `${SHOTS}/leaderboard-1440x900.png` });
  await page.screenshot({ path: `${SHOTS}/leaderboard-full.png`, fullPage: true });

  // The LLM-only board is the same computation on the LLM's rows.
  await page.getByTestId("judges-llm").click();
  await expect(page).toHaveURL(/judges=llm/);
  await expect(page.getByTestId("judges-llm")).toHaveAttribute("aria-current", "page");
  await expect(conditions.locator("tbody tr")).toHaveCount(2);
  // The seeded human votes alone: a smaller board, with the agreement still shown beside the filter.
  await page.getByTestId("judges-human").click();
  await expect(page).toHaveURL(/judges=human/);
  await expect(page.getByTestId("judges-human")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("judge-agreement")).toContainText("Human and LLM judges");
});
