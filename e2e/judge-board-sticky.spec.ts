import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { seedReviewStudy } from "./seed";
import { seedJudge } from "./seed-arena";
import { seedArenaPairs } from "./seed-arena-pairs";
import { longIdeaFields, seedAcceptedText } from "./seed-layout";

// The judge board at 1440×900 with two long ideas: the verdict panel stays inside the window
// whichever part of the ideas the judge has scrolled to, so a verdict is always one click away.

const VIEWPORT = { width: 1440, height: 900 };

test("the verdict panel stays in view at 1440×900 while the judge scrolls through long ideas", async ({
  browser,
}) => {
  const s = seedReviewStudy({
    title: `Sticky verdict ${Date.now()}`,
    status: "arena",
    ideasPerCell: 1,
    reviewerCount: 0,
  });
  for (const [n, idea] of s.ideas.entries()) seedAcceptedText(idea.id, longIdeaFields(`Idea ${n + 1}`));
  seedArenaPairs({ study: s, params: { k: 32, bootstrap: 0, seed: 1 }, humanVotes: 0 });
  const judge = seedJudge({ studyId: s.studyId });

  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await new SignInPage(page).signIn(judge.email, judge.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto(`/studies/${s.studyId}/arena`);
  await expect(page.getByTestId("idea-a")).toContainText("a long idea for layout checks");

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height, "the ideas are long enough to scroll").toBeGreaterThan(VIEWPORT.height * 3);
  const panel = page.getByTestId("verdict-panel");
  const where = async () => {
    const box = await panel.boundingBox();
    if (!box) return "no box";
    const inside = box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x + box.width <= VIEWPORT.width;
    return inside ? "inside" : `top ${box.y}, bottom ${box.y + box.height}, right ${box.x + box.width}`;
  };
  // Before any scrolling the panel starts beside the first lines of the ideas.
  const top = await panel.boundingBox();
  expect(top?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(top?.y ?? VIEWPORT.height).toBeLessThan(VIEWPORT.height / 2);
  for (const y of [VIEWPORT.height, Math.round(height / 2), height]) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await expect
      .poll(where, { message: `verdict panel inside the window after scrolling to ${y}` })
      .toBe("inside");
    await expect(page.getByTestId("submit-vote")).toBeInViewport();
    await expect(page.getByTestId("idea-a")).not.toBeInViewport({ ratio: 1 });
  }
  // Still usable from down there: vote on every criterion and submit.
  const criteria = page.locator('[data-testid^="criterion-"]');
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await criteria.nth(i).locator("label").first().click();
  await page.getByTestId("submit-vote").click();
  await expect(page.getByTestId("arena-progress")).toContainText("1 of");
  await context.close();
});
