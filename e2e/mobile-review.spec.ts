import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { seedReviewStudy } from "./seed";
import { longIdeaFields, seedAcceptedText } from "./seed-layout";
import { seedOpenAssignment } from "./seed-open-work";

// A reviewer on a 390 px wide phone: the queue and the review page never scroll sideways, every
// control lies inside the screen, the text is a readable size, and save/submit stay in view while the
// reviewer works through the form.

const WIDTH = 390;
const HEIGHT = 844;

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(
    clientWidth,
  );
}

async function expectInsideWidth(page: Page, selector: string) {
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute("data-testid") ?? e.tagName, left: r.left, right: r.right };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.left, `${b.id} starts left of the screen`).toBeGreaterThanOrEqual(0);
    expect(b.right, `${b.id} ends right of the screen`).toBeLessThanOrEqual(WIDTH);
  }
}

test("at 390 px the reviewer queue and the review page fit the screen and keep save/submit in view", async ({
  browser,
}) => {
  const s = seedReviewStudy({ title: `Mobile review ${Date.now()}`, reviewerCount: 1, ideasPerCell: 1 });
  const reviewer = s.reviewers[0]!;
  // Three assigned ideas, each long and with a token that has no break in it.
  for (const [n, idea] of s.ideas.slice(0, 3).entries()) {
    seedAcceptedText(idea.id, longIdeaFields(`Phone ${n + 1}`));
    seedOpenAssignment({ studyId: s.studyId, ideaId: idea.id, reviewerId: reviewer.id });
  }

  const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, hasTouch: true });
  const page = await context.newPage();
  await new SignInPage(page).signIn(reviewer.email, reviewer.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

  await page.goto(`/studies/${s.studyId}/review`);
  await expect(page.getByTestId("queue-row")).toHaveCount(3);
  await expectNoSideways(page);
  await expectInsideWidth(page, '[data-testid="open-review"]');
  await expectInsideWidth(page, '[data-testid="queue-row"]');
  const rowFont = await page
    .getByTestId("queue-row")
    .first()
    .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  expect(rowFont).toBeGreaterThanOrEqual(14);

  await page.goto(
    (await page.getByTestId("open-review").first().getAttribute("href")) ?? "/missing-open-review-link",
  );
  await expect(page.getByTestId("idea-text")).toBeVisible();
  await expect(page.getByTestId("review-form")).toBeVisible();
  await expectNoSideways(page);
  // The long idea (with a long unbroken link) wraps inside the screen.
  await expectInsideWidth(page, '[data-testid="idea-text"] p');
  await expect(page.getByTestId("idea-text")).toContainText("Retrieval_Benchmark_Split_");
  const textWidth = await page.getByTestId("idea-text").evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(textWidth, "the idea text does not overflow its box").toBeLessThanOrEqual(0);
  const textFont = await page
    .getByTestId("idea-text")
    .locator("p")
    .first()
    .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  expect(textFont).toBeGreaterThanOrEqual(14);
  // Every score button, rationale box and button of the form lies inside the screen.
  await expectInsideWidth(page, '[data-testid^="option-"]');
  await expectInsideWidth(page, '[data-testid="review-form"] textarea');
  await expectInsideWidth(page, '[data-testid="submit-review"], [data-testid="save-draft"]');

  // Working through the form, save and submit stay on screen.
  const firstScale = page.locator('[data-testid^="scale-"]').first();
  await firstScale.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("submit-review")).toBeInViewport();
  await expect(page.getByTestId("save-draft")).toBeInViewport();
  await firstScale.locator('[data-testid^="option-"]').first().click();
  await page.getByTestId("save-draft").click();
  await expect(page.getByTestId("save-state")).toContainText("Draft saved");
  await expectNoSideways(page);
  await context.close();
});
