import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SECRET, seedReviewStudy } from "./seed";
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

  // The first chart (mean ± 95% CI) as a figure for a paper: SVG, PNG and its data.
  const bar = page.getByTestId("chart-export").first();
  const svg = await downloadOf(page, bar.getByTestId("chart-export-svg"));
  expect(svg.name).toBe("mean-ci-by-condition.svg");
  expect(svg.body.toString("utf8")).toMatch(/^<svg [^>]*width="6\.5in"/);
  expect(svg.body.toString("utf8")).not.toContain("var(--");
  // The legend (an HTML element on the page) is drawn into the figure.
  for (const c of SECRET.conditions) expect(svg.body.toString("utf8")).toContain(`>${c.key}</text>`);
  const png = await downloadOf(page, bar.getByTestId("chart-export-png"));
  expect(png.body.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.body.readUInt32BE(16)).toBe(1950); // 6.5 in at 300 dpi
  const csv = await downloadOf(page, bar.getByTestId("chart-export-csv"));
  expect(csv.body.toString("utf8").split("\r\n")[0]).toBe("metric,condition,n,mean,ci_low,ci_high");
});

async function downloadOf(page: Page, button: Locator): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), body: readFileSync((await download.path()) as string) };
}

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
