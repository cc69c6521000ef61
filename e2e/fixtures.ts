import { type Browser, test as base, expect, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { runSeeder } from "./run-seeder";
import { seedReviewStudy } from "./seed";
import { seedJudge } from "./seed-arena";
import { ADMIN, type SeededReviewStudy, type SeededUser } from "./seed-data";

// A signed-in page per role. `adminPage` is the test's own page, signed in as the admin that
// first-run.spec.ts creates. The study roles share one seeded study (`roleStudy`, ready for reviewing,
// built only when a test asks for a study role) and each gets its own browser context, so one test can
// drive several people at once: `organizerPage` (an organizer who is not an admin), `writerPage` (the
// author of the study's human ideas), `reviewerPage` (its first reviewer) and `judgePage`.

export { ADMIN };

type RolePage = { page: Page; user: SeededUser };

type Fixtures = {
  adminPage: Page;
  roleStudy: SeededReviewStudy;
  organizerPage: RolePage;
  writerPage: RolePage;
  reviewerPage: RolePage;
  judgePage: RolePage;
};

/** A fresh browser context signed in as `user`, closed when the test ends. */
async function signedIn(browser: Browser, user: SeededUser, use: (r: RolePage) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: `Hello, ${user.name}` })).toBeVisible();
  await use({ page, user });
  await context.close();
}

export const test = base.extend<Fixtures>({
  adminPage: async ({ page }, use) => {
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password);
    await expect(page.getByRole("heading", { name: `Hello, ${ADMIN.name}` })).toBeVisible();
    await use(page);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  roleStudy: async ({}, use, testInfo) => {
    await use(seedReviewStudy({ title: `Role study ${testInfo.testId} ${Date.now()}`, reviewerCount: 2 }));
  },
  organizerPage: async ({ browser, roleStudy }, use) => {
    const organizer = runSeeder("organizer", { studyId: roleStudy.studyId });
    await signedIn(browser, organizer, use);
  },
  writerPage: async ({ browser, roleStudy }, use) => {
    await signedIn(browser, roleStudy.author, use);
  },
  reviewerPage: async ({ browser, roleStudy }, use) => {
    const reviewer = roleStudy.reviewers[0];
    if (!reviewer) throw new Error("The role study has no reviewer.");
    await signedIn(browser, reviewer, use);
  },
  judgePage: async ({ browser, roleStudy }, use) => {
    await signedIn(browser, seedJudge({ studyId: roleStudy.studyId }), use);
  },
});

export { expect };
