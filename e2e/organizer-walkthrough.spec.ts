import type { Page, TestInfo } from "@playwright/test";
import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { runDemoSeed } from "./run-demo";

// The organizer's views on the finished demo study, with a screenshot of each step attached to the
// test report: the overview's counts, an idea's full record, one review, and the normalization list.

async function shot(page: Page, info: TestInfo, name: string) {
  await info.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

test("walk-through: an organizer follows an idea from the overview to its record and one review", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const passwords = runDemoSeed();
  const study = queryOne<{ id: string }>(
    "SELECT id FROM studies WHERE title = ? AND is_demo = 1",
    "[DEMO] Can LLMs generate novel research ideas? (pilot)",
  )!;
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await new SignInPage(page).signIn(
    "demo-organizer@example.org",
    passwords.get("demo-organizer@example.org")!,
  );
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

  await page.goto(`/studies/${study.id}`);
  await expect(page.getByTestId("overview-balance").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("overview-progress")).toContainText("Ideas: 24 submitted");
  await expect(page.getByTestId("overview-progress")).toContainText("0 not started");
  await expect(page.getByTestId("next-step-organizer").getByRole("link")).toHaveAttribute(
    "href",
    `/studies/${study.id}/manage/arena`,
  );
  await shot(page, testInfo, "1-overview");

  await page.goto(`/studies/${study.id}/manage/ideas`);
  const written = queryOne<{ id: string; code: string }>(
    "SELECT id, code FROM ideas WHERE study_id = ? AND provenance = 'written' ORDER BY code LIMIT 1",
    study.id,
  )!;
  await page.getByTestId(`idea-link-${written.code}`).click();
  await page.waitForURL(`**/manage/ideas/${written.id}`);
  await expect(page.getByTestId("idea-provenance")).toContainText("written");
  await expect(page.getByTestId("idea-versions").locator("li")).not.toHaveCount(0);
  await expect(page.getByTestId("idea-reviews").locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByTestId("idea-arena")).toContainText("by the LLM judge");
  await shot(page, testInfo, "2-idea-record");

  await page.getByTestId("idea-reviews").locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByTestId("organizer-review")).toBeVisible();
  await expect(page.getByTestId("review-summary")).toContainText("Submitted");
  await expect(page.getByTestId("rationale-novelty")).toContainText(written.code);
  await shot(page, testInfo, "3-review");

  await page.goto(`/studies/${study.id}/manage/normalization`);
  await expect(page.getByTestId("hits-filter")).toContainText("0 ideas have leak-check hits");
  await shot(page, testInfo, "4-normalization");
  await page.context().close();
});
