import type { Page } from "@playwright/test";
import { queryOne } from "./db";
import { expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { runDemoSeed } from "./run-demo";

// `npm run demo` against the e2e database, then every study tab of the finished demo study for each
// role: each renders, and none shows an empty state.

const EMPTY_STATES = [
  "queue-empty",
  "no-ideas",
  "results-empty",
  "reviews-empty",
  "leaderboard-empty",
  "arena-schedule-empty",
];

async function crawl(page: Page, studyId: string): Promise<string[]> {
  await page.goto(`/studies/${studyId}`);
  const hrefs = await page
    .getByTestId("study-nav")
    .locator("a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    const res = await page.goto(href);
    expect(res?.status(), href).toBe(200);
    for (const id of EMPTY_STATES) await expect(page.getByTestId(id), `${href} shows ${id}`).toHaveCount(0);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text.length, `${href} has content`).toBeGreaterThan(150);
    expect(text, `${href} says "criteria"`).not.toContain("criterions");
  }
  return hrefs;
}

test("the demo seeds a finished study whose every tab is populated for each role", async ({ browser }) => {
  test.setTimeout(180_000);
  const passwords = runDemoSeed();
  const study = queryOne<{ id: string }>(
    "SELECT id FROM studies WHERE title = ? AND is_demo = 1",
    "[DEMO] Can LLMs generate novel research ideas? (pilot)",
  );
  expect(study).toBeDefined();
  // Organizers and writers also have the Literature tab; organizers also Ideation (the demo has no
  // runs: a run needs a configured model, and the demo's AI ideas are written for it and imported).
  const expectedTabs = { organizer: 13, writer: 5, reviewer: 4, judge: 4 };
  for (const [role, tabs] of Object.entries(expectedTabs)) {
    const email = `demo-${role}@example.org`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await new SignInPage(page).signIn(email, passwords.get(email) as string);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    const visited = await crawl(page, study!.id);
    expect(visited, role).toHaveLength(tabs);
    await context.close();
  }
});
